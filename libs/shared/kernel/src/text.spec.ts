import { isBlankText, normalizePersianText, toAsciiDigits, toPersianDigits } from './text';

describe('digits', () => {
  it('Persian and Arabic-Indic digits become ASCII digits', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('پلاک ۱۲ - 3')).toBe('پلاک 12 - 3');
  });

  it('ASCII and Arabic-Indic digits become Persian digits', () => {
    expect(toPersianDigits('1404/02/10')).toBe('۱۴۰۴/۰۲/۱۰');
    expect(toPersianDigits('٤٥')).toBe('۴۵');
  });
});

describe('Persian text normalisation', () => {
  it('Arabic yeh and kaf become their Persian forms, so either spelling finds the record', () => {
    expect(normalizePersianText('علي كريمي')).toBe('علی کریمی');
    expect(normalizePersianText('مصطفى')).toBe('مصطفی');
  });

  it('trims and collapses runs of white space, keeping the zero-width non-joiner', () => {
    expect(normalizePersianText('  خیابان   امام\tرضا \n ۱۲ ')).toBe('خیابان امام رضا 12');
    expect(normalizePersianText('می\u200Cروم')).toBe('می\u200Cروم');
  });
});

describe('blank text', () => {
  it('spaces and invisible joiners alone are blank; a ZWNJ between letters is text', () => {
    for (const blank of ['', '   ', '\u200b\u200b', '\u200c', '\ufeff \u2060']) expect(isBlankText(blank)).toBe(true);
    expect(isBlankText('زهرا\u200cسادات')).toBe(false);
  });
});
