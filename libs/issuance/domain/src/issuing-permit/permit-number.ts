import { invalid } from '@cctv/kernel';
import type { PermitKind } from '../permit/commands';

/**
 * Permit numbers read aloud over the phone and typed into the verification
 * page: province, kind, Jalali year of issue, six-digit sequence of that year.
 *   KR-IN-1404-000123  installation permit
 *   KR-OT-1404-000123  temporary operation permit
 *   KR-OM-1404-000123  main operation permit
 */
const KIND_CODES: Readonly<Record<PermitKind, string>> = { installation: 'IN', temporary: 'OT', main: 'OM' };
const MAX_SEQUENCE = 999_999;

export const permitNumberFor = (kind: PermitKind, jalaliYear: number, sequence: number): string => {
  if (!Number.isInteger(jalaliYear) || jalaliYear < 1000 || jalaliYear > 9999) {
    throw invalid('invalid-permit-year', `${jalaliYear} is not a four-digit Jalali year`, 'سال صدور مجوز معتبر نیست.', 'jalaliYear');
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw invalid(
      'invalid-permit-sequence',
      `the sequence must be a whole number from 1 to ${MAX_SEQUENCE}, not ${sequence}`,
      'شماره ردیف مجوز معتبر نیست.',
      'sequence',
    );
  }
  return `KR-${KIND_CODES[kind]}-${jalaliYear}-${String(sequence).padStart(6, '0')}`;
};

export interface PermitNumberParts {
  readonly kind: PermitKind;
  readonly jalaliYear: number;
  readonly sequence: number;
}

/** Reads a number typed by a person (any case, surrounding spaces); null when it is not one of ours. */
export const parsePermitNumber = (text: string): PermitNumberParts | null => {
  const match = /^KR-(IN|OT|OM)-(\d{4})-(\d{6})$/.exec(text.trim().toUpperCase());
  if (!match) return null;
  const kind = (Object.keys(KIND_CODES) as PermitKind[]).find((candidate) => KIND_CODES[candidate] === match[1]);
  const sequence = Number(match[3]);
  return kind && sequence >= 1 ? { kind, jalaliYear: Number(match[2]), sequence } : null;
};
