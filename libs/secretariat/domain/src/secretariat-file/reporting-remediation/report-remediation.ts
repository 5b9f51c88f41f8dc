import { conflict } from '@cctv/kernel';
import type { ReportRemediation } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { caseInProgress, hasEnded, reinspectionFailed, requiredText, signedFile, temporaryPermitLapsed } from '../rules';
import type { SecretariatFileState } from '../state';
import { permitRevoked } from '../revoking-permit/revocation-errors';

/**
 * The owner says the deficiencies of the temporary permit are remedied: a
 * re-inspection is due. After a re-inspection that still found deficiencies
 * the owner may report again, as long as the six months last.
 */
export const reportRemediation = (
  { data }: ReportRemediation,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const note = requiredText(data.note, 'note', 'شرح رفع نواقص');
  const file = signedFile(state);
  const { permit } = file;
  if (permit?.kind !== 'temporary') {
    throw conflict(
      'no-temporary-permit',
      'This file has no temporary permit whose deficiencies could be remedied',
      'این پرونده مجوز موقتی ندارد که نواقص آن برطرف شود.',
    );
  }
  if (permit.revocationReason !== null) throw permitRevoked();
  if (hasEnded(permit.validUntil, data.now)) throw temporaryPermitLapsed();
  const pending = caseInProgress(file, data.now);
  if (pending && !reinspectionFailed(pending)) {
    throw conflict(
      'reinspection-pending',
      'Remediation was already reported; the re-inspection is pending',
      'رفع نواقص پیش‌تر گزارش شده و بازدید مجدد در انتظار است.',
    );
  }
  return [
    {
      type: 'RemediationReported',
      data: { fileId: data.fileId, permitId: permit.permitId, note, at: data.now.toISOString() },
    },
  ];
};
