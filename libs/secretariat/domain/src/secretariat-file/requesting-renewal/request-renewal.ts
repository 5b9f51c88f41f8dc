import {
  addJalaliDays,
  conflict,
  daysLeft,
  formatJalali,
  formatJalaliFa,
  RENEWAL_WINDOW_DAYS,
  toJalaliDate,
  toPersianDigits,
} from '@cctv/kernel';
import type { RequestRenewal } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { caseInProgress, hasEnded, requiredText, signedFile } from '../rules';
import type { SecretariatFileState } from '../state';
import { permitRevoked } from '../revoking-permit/revocation-errors';

/** A main permit may be renewed from RENEWAL_WINDOW_DAYS before its end date until it ends. */
export const requestRenewal = ({ data }: RequestRenewal, state: SecretariatFileState): readonly SecretariatFileEvent[] => {
  const requestId = requiredText(data.requestId, 'requestId', 'شناسه درخواست');
  const file = signedFile(state);
  const { permit } = file;
  if (permit?.kind !== 'main') {
    throw conflict(
      'no-main-permit',
      'Only a main operation permit is renewed',
      'فقط مجوز بهره‌برداری اصلی (دوساله) تمدید می‌شود.',
    );
  }
  if (permit.revocationReason !== null) throw permitRevoked();
  if (hasEnded(permit.validUntil, data.now)) {
    throw conflict(
      'permit-expired',
      'The main permit has ended and can no longer be renewed; the owner must request an operation permit again',
      'اعتبار مجوز اصلی تمام شده و دیگر تمدید نمی‌شود؛ مالک باید دوباره درخواست مجوز بهره‌برداری بدهد.',
    );
  }
  if (daysLeft(permit.validUntil, data.now) > RENEWAL_WINDOW_DAYS) {
    const opens = addJalaliDays(toJalaliDate(permit.validUntil), -RENEWAL_WINDOW_DAYS);
    throw conflict(
      'renewal-too-early',
      `Renewal may be requested from ${formatJalali(opens)}, ${RENEWAL_WINDOW_DAYS} days before the permit ends`,
      `درخواست تمدید از ${formatJalaliFa(opens)}، یعنی ${toPersianDigits(String(RENEWAL_WINDOW_DAYS))} روز پیش از پایان اعتبار مجوز، پذیرفته می‌شود.`,
    );
  }
  if (caseInProgress(file, data.now)) {
    throw conflict(
      'request-in-progress',
      'A renewal of this permit is already being handled',
      'درخواست تمدید این مجوز هم‌اکنون در دست بررسی است.',
    );
  }
  return [
    {
      type: 'RenewalRequested',
      data: { fileId: data.fileId, requestId, permitId: permit.permitId, at: data.now.toISOString() },
    },
  ];
};
