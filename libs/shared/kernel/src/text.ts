/**
 * Text as people type it in Iran: Persian (U+06F0..) or Arabic-Indic (U+0660..)
 * digits, Arabic or Persian forms of yeh and kaf. We store one spelling so that
 * a search finds a record whichever keyboard typed it.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

export const toAsciiDigits = (text: string): string =>
  text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });

export const toPersianDigits = (text: string): string =>
  toAsciiDigits(text).replace(/[0-9]/g, (digit) => String.fromCharCode(PERSIAN_ZERO + Number(digit)));

export const normalizePersianText = (text: string): string =>
  toAsciiDigits(text)
    .replace(/[\u064A\u0649]/g, '\u06CC') // Arabic yeh and alef maksura → Persian yeh
    .replace(/\u0643/g, '\u06A9') // Arabic kaf → Persian keheh
    .replace(/\s+/g, ' ')
    .trim();

/** Zero-width spaces, (non-)joiners, word joiner, byte-order mark: they join letters but show nothing alone. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Text nobody can see: empty, spaces, or only invisible joiners and marks. */
export const isBlankText = (text: string): boolean => text.replace(INVISIBLE, '').trim() === '';
