import type { PremisesKind } from './commands';
import type { Deficiency, OperationPermitKind } from './events';

export interface FileFacts {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly premisesKind: PremisesKind;
  readonly residential: boolean;
  readonly cameraCount: number;
  /** The union's reference for the owner; files queued before it existed have none and no owner reaches them. */
  readonly ownerRef?: string;
}

export interface InstallationPermit {
  readonly permitId: string;
  readonly hologramSerial: string;
  readonly validUntil: Date;
}

/** The operation permit last granted. Whether it has ended is a question of `now`, not of state. */
export interface OperationPermit {
  readonly permitId: string;
  readonly kind: OperationPermitKind;
  readonly validUntil: Date;
  readonly deficiencies: readonly Deficiency[];
  readonly revocationReason: string | null;
}

export type CaseStage =
  | { readonly step: 'awaiting-inspection' }
  | {
      readonly step: 'inspection-scheduled';
      readonly inspectionId: string;
      readonly scheduledFor: string;
      readonly inspectorIds: readonly string[];
    }
  | { readonly step: 'awaiting-decision'; readonly inspectionId: string; readonly deficiencies: readonly Deficiency[] };

/**
 * A request being worked on: the first one, a re-inspection after remediation,
 * or a renewal. A re-inspection follows a remediation report, not a request.
 */
export type OpenCase =
  | { readonly purpose: 'first' | 'renewal'; readonly requestId: string; readonly stage: CaseStage }
  | { readonly purpose: 'reinspection'; readonly requestId: null; readonly stage: CaseStage };

export interface Refusal {
  readonly requestId: string;
  readonly purpose: 'first' | 'renewal';
  readonly reasons: readonly string[];
}

export type SecretariatFileState =
  | { readonly status: 'new' }
  | { readonly status: 'queued'; readonly file: FileFacts }
  | {
      readonly status: 'signed';
      readonly file: FileFacts;
      readonly installation: InstallationPermit;
      readonly openCase: OpenCase | null;
      readonly permit: OperationPermit | null;
      readonly refusal: Refusal | null;
      /** Holograms and permit ids already used in this file, so none is given twice. */
      readonly usedHolograms: readonly string[];
      readonly permitIds: readonly string[];
    }
  | {
      readonly status: 'closed';
      readonly file: FileFacts;
      readonly installation: InstallationPermit;
      readonly revocationReason: string;
    };

export type SignedFile = Extract<SecretariatFileState, { status: 'signed' }>;
