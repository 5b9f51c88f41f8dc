import { conflict, invalid, normalizePersianText } from '@cctv/kernel';
import type { RefuseOperationPermit } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { caseInProgress, signedFile } from '../rules';
import type { SecretariatFileState } from '../state';

/**
 * A written refusal of an open request or renewal, before any grant (e.g. the
 * residents refuse consent). The owner may request again. A re-inspection is
 * not refused: its temporary permit is revoked or left to lapse.
 */
export const refuseOperationPermit = (
  { data }: RefuseOperationPermit,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const reasons = (data.reasons ?? []).map(normalizePersianText).filter((reason) => reason !== '');
  if (reasons.length === 0) {
    throw invalid(
      'reasons-required',
      'A refusal must give at least one written reason',
      'دلیل رد درخواست را دست‌کم در یک بند بنویسید.',
      'reasons',
    );
  }
  const openCase = caseInProgress(signedFile(state), data.now);
  if (!openCase) {
    throw conflict(
      'nothing-to-refuse',
      'No operation permit request or renewal is open in this file',
      'در این پرونده درخواست مجوز بهره‌برداری یا تمدیدی در دست بررسی نیست که رد شود.',
    );
  }
  if (openCase.purpose === 'reinspection') {
    throw conflict(
      'reinspection-not-refusable',
      'A re-inspection is not refused; revoke the temporary permit or let it lapse',
      'بازدید مجدد مجوز موقت رد نمی‌شود؛ در صورت لزوم مجوز موقت را لغو کنید یا بگذارید مهلت آن تمام شود.',
    );
  }
  return [
    {
      type: 'OperationPermitRefused',
      data: {
        fileId: data.fileId,
        requestId: openCase.requestId,
        purpose: openCase.purpose,
        reasons,
        at: data.now.toISOString(),
      },
    },
  ];
};
