import { invalid, toAsciiDigits } from '@cctv/kernel';

/**
 * A hologram serial as printed on the sticker: two to four Latin letters (the
 * series) followed by six to ten digits, e.g. `KR-1404000123`. Clerks type it
 * with spaces or dashes, lower case or Persian digits; we keep one spelling —
 * upper case, ASCII digits, no separators (`KR1404000123`) — so that a second
 * use is recognised whichever way it was typed.
 */
const SERIAL = /^[A-Z]{2,4}[0-9]{6,10}$/;

export const normalizeHologramSerial = (input: string, field = 'hologramSerial'): string => {
  const serial = toAsciiDigits(input ?? '')
    .toUpperCase()
    .replace(/[\s\-_/]/g, '');
  if (!SERIAL.test(serial)) {
    throw invalid(
      'invalid-hologram-serial',
      `"${input}" is not a hologram serial (2 to 4 letters, then 6 to 10 digits, e.g. KR-1404000123)`,
      'شماره سریال هولوگرام درست نیست؛ باید دو تا چهار حرف لاتین و پس از آن شش تا ده رقم باشد، مانند KR-1404000123.',
      field,
    );
  }
  return serial;
};
