import { assertNever, daysLeft, EXPIRING_DAYS, RENEWAL_WINDOW_DAYS } from '@cctv/kernel';
import type { Deficiency, InspectionPurpose, OperationPermitKind } from './events';
import { caseInProgress, hasEnded, permitInForce, reinspectionFailed } from './rules';
import type { OperationPermit, SecretariatFileState, SignedFile } from './state';

export interface PermitSummary {
  readonly permitId: string;
  readonly kind: OperationPermitKind;
  readonly validUntil: string;
  readonly daysLeft: number;
}

/**
 * Where a file stands at `now`. Lapses and expiries are not events here (the
 * permit register records them); they follow from `now` and the validUntil we know.
 */
export type OperationStatus =
  | { readonly status: 'not-queued' }
  | { readonly status: 'awaiting-signature' }
  | { readonly status: 'signed'; readonly installationPermitId: string; readonly daysLeft: number }
  | { readonly status: 'installation-lapsed'; readonly installationPermitId: string }
  | { readonly status: 'awaiting-inspection'; readonly purpose: InspectionPurpose; readonly currentPermit: PermitSummary | null }
  | {
      readonly status: 'inspection-scheduled';
      readonly purpose: InspectionPurpose;
      readonly inspectionId: string;
      readonly scheduledFor: string;
      readonly inspectorIds: readonly string[];
      readonly currentPermit: PermitSummary | null;
    }
  | {
      readonly status: 'awaiting-decision';
      readonly purpose: InspectionPurpose;
      readonly inspectionId: string;
      readonly deficiencies: readonly Deficiency[];
      readonly currentPermit: PermitSummary | null;
    }
  | {
      readonly status: 'temporary';
      readonly permit: PermitSummary;
      readonly deficiencies: readonly Deficiency[];
      readonly expiring: boolean;
    }
  | { readonly status: 'main'; readonly permit: PermitSummary; readonly expiring: boolean; readonly renewable: boolean }
  | { readonly status: 'refused'; readonly purpose: 'first' | 'renewal'; readonly reasons: readonly string[] }
  | {
      readonly status: 'revoked';
      readonly permitType: 'installation' | 'operation';
      readonly permitId: string;
      readonly reason: string;
    }
  | { readonly status: 'lapsed'; readonly permitId: string }
  | { readonly status: 'expired'; readonly permitId: string };

const summary = (permit: OperationPermit, now: Date): PermitSummary => ({
  permitId: permit.permitId,
  kind: permit.kind,
  validUntil: permit.validUntil.toISOString(),
  daysLeft: daysLeft(permit.validUntil, now),
});

const ofSignedFile = (file: SignedFile, now: Date): OperationStatus => {
  const openCase = caseInProgress(file, now);
  const { permit } = file;
  if (openCase && !reinspectionFailed(openCase)) {
    const inForce = permitInForce(file, now);
    const currentPermit = inForce ? summary(inForce, now) : null;
    const { purpose, stage } = openCase;
    switch (stage.step) {
      case 'awaiting-inspection':
        return { status: 'awaiting-inspection', purpose, currentPermit };
      case 'inspection-scheduled': {
        const { inspectionId, scheduledFor, inspectorIds } = stage;
        return { status: 'inspection-scheduled', purpose, inspectionId, scheduledFor, inspectorIds, currentPermit };
      }
      case 'awaiting-decision':
        return {
          status: 'awaiting-decision',
          purpose,
          inspectionId: stage.inspectionId,
          deficiencies: stage.deficiencies,
          currentPermit,
        };
      default:
        return assertNever(stage);
    }
  }
  if (permit) {
    if (permit.revocationReason !== null) {
      return { status: 'revoked', permitType: 'operation', permitId: permit.permitId, reason: permit.revocationReason };
    }
    if (hasEnded(permit.validUntil, now)) {
      return permit.kind === 'temporary'
        ? { status: 'lapsed', permitId: permit.permitId }
        : { status: 'expired', permitId: permit.permitId };
    }
    const current = summary(permit, now);
    const expiring = current.daysLeft <= EXPIRING_DAYS;
    // After a failed re-inspection, what still needs remedying is what it found.
    const deficiencies =
      openCase?.stage.step === 'awaiting-decision' ? openCase.stage.deficiencies : permit.deficiencies;
    return permit.kind === 'temporary'
      ? { status: 'temporary', permit: current, deficiencies, expiring }
      : { status: 'main', permit: current, expiring, renewable: current.daysLeft <= RENEWAL_WINDOW_DAYS };
  }
  if (file.refusal) return { status: 'refused', purpose: file.refusal.purpose, reasons: file.refusal.reasons };
  const installationPermitId = file.installation.permitId;
  return hasEnded(file.installation.validUntil, now)
    ? { status: 'installation-lapsed', installationPermitId }
    : { status: 'signed', installationPermitId, daysLeft: daysLeft(file.installation.validUntil, now) };
};

export const operationStatus = (state: SecretariatFileState, now: Date): OperationStatus => {
  switch (state.status) {
    case 'new':
      return { status: 'not-queued' };
    case 'queued':
      return { status: 'awaiting-signature' };
    case 'closed':
      return {
        status: 'revoked',
        permitType: 'installation',
        permitId: state.installation.permitId,
        reason: state.revocationReason,
      };
    case 'signed':
      return ofSignedFile(state, now);
    default:
      return assertNever(state);
  }
};
