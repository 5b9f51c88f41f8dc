import { DomainError } from '@cctv/kernel';
import { normalizeHologramSerial } from './hologram-serial';

describe('a hologram serial', () => {
  it('is kept in one spelling: upper case, ASCII digits, no separators', () => {
    expect(normalizeHologramSerial(' kr-۱۴۰۴ ۰۰۰۱۲۳ ')).toBe('KR1404000123');
    expect(normalizeHologramSerial('KHR_٠١٢٣٤٥٦')).toBe('KHR0123456');
  });

  it.each([
    ['empty', ''],
    ['digits only', '1404000123'],
    ['one letter', 'K1404000123'],
    ['five letters', 'KHRAZ1404000'],
    ['too few digits', 'KR12345'],
    ['too many digits', 'KR12345678901'],
    ['letters after the digits', 'KR140400A'],
    ['Persian letters', 'خر1404000123'],
  ])('is refused when %s, naming the field', (_case, input) => {
    let caught: unknown;
    try {
      normalizeHologramSerial(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ kind: 'invalid', code: 'invalid-hologram-serial', field: 'hologramSerial' });
  });
});
