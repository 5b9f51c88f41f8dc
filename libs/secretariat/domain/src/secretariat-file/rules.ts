import { assertNever, conflict, invalid, isBlankText, normalizePersianText, notFound } from '@cctv/kernel';
import type { OpenCase, OperationPermit, SecretariatFileState, SignedFile } from './state';

/** Everything after signing needs a signed installation permit that was not revoked. */
export const signedFile = (state: SecretariatFileState): SignedFile => {
  switch (state.status) {
    case 'new':
      throw notFound(
        'file-not-found',
        'The secretariat has no such file; the union has not sent its approval',
        'این پرونده در دبیرخانه نیست؛ هنوز تأیید اتحادیه برای آن نرسیده است.',
      );
    case 'queued':
      throw conflict(
        'installation-not-signed',
        'The installation permit has not been signed yet',
        'مجوز نصب این پرونده هنوز امضا نشده است.',
      );
    case 'closed':
      throw conflict(
        'installation-permit-revoked',
        'The installation permit was revoked; the owner must apply again at the union',
        'مجوز نصب این پرونده لغو شده است؛ مالک باید دوباره از اتحادیه درخواست کند.',
      );
    case 'signed':
      return state;
    default:
      return assertNever(state);
  }
};

/** validUntil is exclusive: from that instant on the permit is no longer valid. */
export const hasEnded = (validUntil: Date, now: Date): boolean => now.getTime() >= validUntil.getTime();

/** The operation permit in force at `now`: granted, not revoked, not ended. */
export const permitInForce = (file: SignedFile, now: Date): OperationPermit | null => {
  const { permit } = file;
  return permit && permit.revocationReason === null && !hasEnded(permit.validUntil, now) ? permit : null;
};

/**
 * The case still being worked on at `now`. A re-inspection lives only as long
 * as the temporary permit it would replace (a pending re-inspection does not
 * extend it); a renewal asked for in time is seen through.
 */
export const caseInProgress = (file: SignedFile, now: Date): OpenCase | null => {
  const { openCase } = file;
  if (openCase?.purpose === 'reinspection' && !permitInForce(file, now)) return null;
  return openCase;
};

/** Free text as the office stores it; empty → invalid, naming the field. */
export const requiredText = (input: string | undefined, field: string, labelFa: string): string => {
  const text = normalizePersianText(input ?? '');
  if (isBlankText(text)) {
    throw invalid('required', `${field} is required`, `${labelFa} را وارد کنید.`, field);
  }
  return text;
};

/** An ISO-8601 instant with an explicit zone, so the same text means the same instant on every machine. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const requiredInstant = (input: string, field: string, labelFa: string): Date => {
  const instant = ISO_INSTANT.test(input ?? '') ? new Date(input) : new Date(NaN);
  if (Number.isNaN(instant.getTime())) {
    throw invalid(
      'invalid-instant',
      `${field} must be an ISO-8601 date-time with a time zone`,
      `${labelFa} تاریخ و ساعت معتبری نیست.`,
      field,
    );
  }
  return instant;
};

/** DOMAIN.md: a temporary permit lapses at its end date; a pending re-inspection does not extend it. */
export const temporaryPermitLapsed = () =>
  conflict(
    'temporary-permit-lapsed',
    'The temporary permit has ended; a pending re-inspection does not extend it. The owner must request an operation permit again',
    'مهلت شش‌ماهه مجوز موقت تمام شده و بازدید مجدد آن را تمدید نمی‌کند؛ مالک باید دوباره درخواست مجوز بهره‌برداری بدهد.',
  );

/**
 * A re-inspection that still found deficiencies leads to no decision: the
 * temporary permit runs on and the owner remedies again within its six months.
 */
export const reinspectionFailed = (openCase: OpenCase | null): boolean =>
  openCase?.purpose === 'reinspection' &&
  openCase.stage.step === 'awaiting-decision' &&
  openCase.stage.deficiencies.length > 0;
