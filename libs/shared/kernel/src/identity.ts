import { invalid } from './errors';
import { toAsciiDigits } from './text';

/**
 * Identity numbers as clerks and owners type them: any digit script, with
 * spaces or dashes. Normalising returns ASCII digits only, or refuses with the
 * caller's field name so the form can point at the right box.
 */
const digitsOnly = (input: string): string => toAsciiDigits(input).replace(/[\s\-\u2010-\u2015\u200C]/g, '');

const allEqual = (digits: string): boolean => /^(\d)\1*$/.test(digits);

export const isValidNationalId = (input: string): boolean => {
  const digits = digitsOnly(input);
  if (!/^\d{10}$/.test(digits) || allEqual(digits)) return false;
  const d = [...digits].map(Number);
  let sum = 0;
  for (let i = 0; i <= 8; i++) sum += d[i] * (10 - i);
  const remainder = sum % 11;
  return d[9] === (remainder < 2 ? remainder : 11 - remainder);
};

const LEGAL_ENTITY_COEFFICIENTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17] as const;

export const isValidLegalEntityId = (input: string): boolean => {
  const digits = digitsOnly(input);
  if (!/^\d{11}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const shift = d[9] + 2;
  let sum = 0;
  for (let i = 0; i <= 9; i++) sum += (d[i] + shift) * LEGAL_ENTITY_COEFFICIENTS[i];
  const remainder = sum % 11;
  return d[10] === (remainder === 10 ? 0 : remainder);
};

export const normalizeNationalId = (input: string, field: string): string => {
  const digits = digitsOnly(input);
  if (!isValidNationalId(digits)) {
    throw invalid(
      'invalid-national-id',
      `${field}: "${input}" is not a valid national ID (10 digits with a correct check digit)`,
      'کد ملی واردشده معتبر نیست؛ کد ملی ۱۰ رقم است و رقم آخر آن باید با بقیه بخواند.',
      field,
    );
  }
  return digits;
};

export const normalizeLegalEntityId = (input: string, field: string): string => {
  const digits = digitsOnly(input);
  if (!isValidLegalEntityId(digits)) {
    throw invalid(
      'invalid-legal-entity-id',
      `${field}: "${input}" is not a valid legal-entity ID (11 digits with a correct check digit)`,
      'شناسه ملی شخص حقوقی معتبر نیست؛ شناسه ملی ۱۱ رقم است و رقم آخر آن باید با بقیه بخواند.',
      field,
    );
  }
  return digits;
};

export const normalizePostalCode = (input: string, field: string): string => {
  const digits = digitsOnly(input);
  if (!/^\d{10}$/.test(digits) || allEqual(digits)) {
    throw invalid(
      'invalid-postal-code',
      `${field}: "${input}" is not a valid postal code (10 digits)`,
      'کد پستی معتبر نیست؛ کد پستی ۱۰ رقم است.',
      field,
    );
  }
  return digits;
};

/** Iranian mobiles: 09 and nine digits, also written with the country code 98. */
export const normalizeMobile = (input: string, field: string): string => {
  const compact = digitsOnly(input).replace(/[()]/g, '');
  const match = /^(?:\+98|0098|98|0)(9\d{9})$/.exec(compact);
  if (!match) {
    throw invalid(
      'invalid-mobile',
      `${field}: "${input}" is not a valid mobile number (09 followed by nine digits)`,
      'شماره همراه معتبر نیست؛ شماره همراه با ۰۹ شروع می‌شود و ۱۱ رقم است.',
      field,
    );
  }
  return `0${match[1]}`;
};
