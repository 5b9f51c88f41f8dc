import { toAsciiDigits } from '@cctv/kernel';
import { parsePermitNumber } from '@cctv/issuance-domain';

/** Permit numbers as people type them: Persian digits, lower case, spaces around. Null when not one of ours. */
export const canonicalPermitNumber = (typed: string): string | null => {
  const text = toAsciiDigits(typed).trim().toUpperCase();
  return parsePermitNumber(text) ? text : null;
};

/** Hologram serials as clerks type them; stored as the secretariat keeps them: upper case, ASCII digits, no separators. */
export const canonicalHologramSerial = (typed: string): string => toAsciiDigits(typed).toUpperCase().replace(/[\s\-_/]/g, '');
