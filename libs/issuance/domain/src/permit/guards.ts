import { invalid, normalizePersianText, notFound } from '@cctv/kernel';
import type { IssuedPermit, PermitState, RecordedPermit } from './state';

export const requirePermit = (state: PermitState): RecordedPermit => {
  if (state.status === 'none') {
    throw notFound('permit-not-found', 'No such permit in the register', 'چنین مجوزی در دفتر مجوزها ثبت نشده است.');
  }
  return state;
};

export const requireTime = (value: Date, field: string): Date => {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('invalid-time', `${field} is not a valid instant`, 'زمان واردشده معتبر نیست.', field);
  }
  return value;
};

export const requireText = (value: unknown, field: string, labelFa: string): string => {
  const text = typeof value === 'string' ? normalizePersianText(value) : '';
  if (text === '') throw invalid('required-field', `${field} is required`, `${labelFa} باید وارد شود.`, field);
  return text;
};

/** Whether time alone has ended the permit by `now`. */
export const hasRunOut = (permit: IssuedPermit, now: Date): boolean => now.getTime() >= Date.parse(permit.validUntil);

/** What every event about this permit repeats. */
export const identityOf = ({ permitId, permitNumber, fileId }: IssuedPermit) => ({ permitId, permitNumber, fileId });
