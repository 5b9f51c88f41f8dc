import { operationStatus, type SecretariatFileState } from '@cctv/secretariat-domain';
import { lastValidDay } from './jalali';
import { deficiencyView, labelOf, OPERATION_STATUS_FA, PERMIT_KIND_FA, PURPOSE_FA } from './labels-fa';

/**
 * What a command answers with: where the file stands right after it, at `now`.
 * The state holds no personal data (the site address and contact stay in the events).
 */
export const fileSummary = (state: SecretariatFileState, now: Date) => {
  const { status } = operationStatus(state, now);
  const overall = { status, statusFa: OPERATION_STATUS_FA[status] };
  if (state.status === 'new') return overall;
  const { fileId, fileNumber } = state.file;
  if (state.status === 'queued') return { fileId, fileNumber, ...overall, installationPermit: null, operationPermit: null, openCase: null };
  const { installation } = state;
  const installationPermit = {
    permitId: installation.permitId,
    hologramSerial: installation.hologramSerial,
    validUntil: installation.validUntil.toISOString(),
    validThroughJalali: lastValidDay(installation.validUntil),
    revoked: state.status === 'closed',
  };
  if (state.status === 'closed') return { fileId, fileNumber, ...overall, installationPermit, operationPermit: null, openCase: null };
  const { permit, openCase } = state;
  return {
    fileId,
    fileNumber,
    ...overall,
    installationPermit,
    operationPermit: permit && {
      permitId: permit.permitId,
      kind: permit.kind,
      kindFa: labelOf(PERMIT_KIND_FA, permit.kind),
      validUntil: permit.validUntil.toISOString(),
      validThroughJalali: lastValidDay(permit.validUntil),
      deficiencies: permit.deficiencies.map(deficiencyView),
      revoked: permit.revocationReason !== null,
    },
    openCase: openCase && {
      purpose: openCase.purpose,
      purposeFa: PURPOSE_FA[openCase.purpose],
      step: openCase.stage.step,
      inspectionId: openCase.stage.step === 'awaiting-inspection' ? null : openCase.stage.inspectionId,
    },
  };
};
