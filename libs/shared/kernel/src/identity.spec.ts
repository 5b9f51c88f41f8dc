import { DomainError } from './errors';
import { refusalOf as refusal } from './testing/refusal';
import {
  isValidLegalEntityId,
  isValidNationalId,
  normalizeLegalEntityId,
  normalizeMobile,
  normalizeNationalId,
  normalizePostalCode,
} from './identity';


describe('national ID check digit', () => {
  // 0012345679: s = 0·10 + 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112; 112 mod 11 = 2 ≥ 2 → check 11 − 2 = 9
  it('accepts a number whose check digit is 11 − r', () => {
    expect(isValidNationalId('0012345679')).toBe(true);
  });

  // 1234567891: s = 10 + 18 + 24 + 28 + 30 + 30 + 28 + 24 + 18 = 210; 210 mod 11 = 1 < 2 → check 1
  it('accepts a number whose check digit is r itself when r < 2', () => {
    expect(isValidNationalId('1234567891')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidNationalId('0012345678')).toBe(false);
    expect(isValidNationalId('1234567890')).toBe(false);
  });

  // 1111111111: s = 1·(10+9+…+2) = 54; 54 mod 11 = 10 → check 1, which matches, yet ten equal digits are refused
  it('refuses ten equal digits even when the arithmetic matches', () => {
    expect(isValidNationalId('1111111111')).toBe(false);
  });

  it('refuses the wrong length', () => {
    expect(isValidNationalId('012345679')).toBe(false);
    expect(isValidNationalId('00123456790')).toBe(false);
  });

  it('normalises Persian digits, spaces and dashes to ASCII', () => {
    expect(normalizeNationalId('۰۰۱۲۳۴۵۶۷۹', 'owner.nationalId')).toBe('0012345679');
    expect(normalizeNationalId('001-234567-9', 'owner.nationalId')).toBe('0012345679');
    expect(normalizeNationalId(' ٠٠١ ٢٣٤ ٥٦٧٩ ', 'owner.nationalId')).toBe('0012345679');
  });

  it('refuses an invalid ID naming the field given by the caller, with a Persian message', () => {
    const error = refusal(() => normalizeNationalId('0012345678', 'owner.nationalId'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('invalid-national-id');
    expect(error.field).toBe('owner.nationalId');
    expect(error.messageFa).toMatch(/کد ملی/);
  });
});

describe('legal-entity ID check digit', () => {
  // 10100000006: c = d9 + 2 = 2; Σ (d+2)·coef = 3·29 + 2·27 + 3·23 + 2·19 + 2·17 + 2·29 + 2·27 + 2·23 + 2·19 + 2·17 = 512;
  // 512 mod 11 = 6 → check 6
  it('accepts an ID whose last digit is the remainder', () => {
    expect(isValidLegalEntityId('10100000006')).toBe(true);
  });

  // 14003904579: c = 7 + 2 = 9; 10·29 + 13·27 + 9·23 + 9·19 + 12·17 + 18·29 + 9·27 + 13·23 + 14·19 + 16·17 = 2825;
  // 2825 mod 11 = 9 → check 9
  it('uses the tenth digit plus two as the shift', () => {
    expect(isValidLegalEntityId('14003904579')).toBe(true);
    expect(isValidLegalEntityId('14003904578')).toBe(false);
  });

  // 00100000000: c = 2; 2·29 + 2·27 + 3·23 + 2·19 + 2·17 + 2·29 + 2·27 + 2·23 + 2·19 + 2·17 = 483; 483 mod 11 = 10 → check 0
  it('a remainder of 10 gives check digit 0', () => {
    expect(isValidLegalEntityId('00100000000')).toBe(true);
    expect(isValidLegalEntityId('0010000000' + '1')).toBe(false);
  });

  it('refuses ten digits (a national ID is not a legal-entity ID)', () => {
    expect(isValidLegalEntityId('0012345679')).toBe(false);
  });

  it('normalises Persian digits and refuses with the caller field', () => {
    expect(normalizeLegalEntityId('۱۰۱۰۰۰۰۰۰۰۶', 'owner.nationalId')).toBe('10100000006');
    const error = refusal(() => normalizeLegalEntityId('10100000007', 'owner.nationalId'));
    expect(error.code).toBe('invalid-legal-entity-id');
    expect(error.field).toBe('owner.nationalId');
  });
});

describe('postal codes', () => {
  it('accepts ten digits written with a dash or Persian digits', () => {
    expect(normalizePostalCode('91779-48974', 'premises.postalCode')).toBe('9177948974');
    expect(normalizePostalCode('۹۱۷۷۹۴۸۹۷۴', 'premises.postalCode')).toBe('9177948974');
  });

  it.each(['917794897', '91779489741', '0000000000', '9177948a74'])('refuses %p', (input) => {
    const error = refusal(() => normalizePostalCode(input, 'premises.postalCode'));
    expect(error.code).toBe('invalid-postal-code');
    expect(error.field).toBe('premises.postalCode');
  });
});

describe('mobile numbers', () => {
  it.each(['09151234567', '+989151234567', '00989151234567', '989151234567', '۰۹۱۵ ۱۲۳ ۴۵۶۷', '0915-123-4567'])(
    'reads %p as 09151234567',
    (input) => {
      expect(normalizeMobile(input, 'owner.mobile')).toBe('09151234567');
    },
  );

  it.each(['0915123456', '08151234567', '+98915123456', '9151234567x', '05112345678'])('refuses %p', (input) => {
    const error = refusal(() => normalizeMobile(input, 'owner.mobile'));
    expect(error.code).toBe('invalid-mobile');
    expect(error.field).toBe('owner.mobile');
  });
});
