import type { ChecklistItem } from '../checklist/checklist';
import type { PremisesKind } from './commands';

/** Every event names its file and the instant (ISO, UTC) it happened at. */
type FileEvent<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & { readonly fileId: string; readonly at: string };
};

export interface Deficiency {
  readonly item: ChecklistItem;
  readonly note: string;
}

/** Why an inspection takes place: a first request, a report that deficiencies were remedied, or a renewal. */
export type InspectionPurpose = 'first' | 'reinspection' | 'renewal';
export type OperationPermitKind = 'temporary' | 'main';

export type InstallationQueuedForSigning = FileEvent<
  'InstallationQueuedForSigning',
  {
    readonly fileNumber: string;
    readonly premisesKind: PremisesKind;
    readonly residential: boolean;
    readonly cameraCount: number;
    readonly approvedAt: string;
    /** Recognises the owner when they sign in; never their identity (see the owner-access rule). */
    readonly ownerRef?: string;
  }
>;

export type InstallationPermitSigned = FileEvent<
  'InstallationPermitSigned',
  {
    readonly fileNumber: string;
    readonly installationPermitId: string;
    readonly hologramSerial: string;
    /** Exclusive end instant (Tehran midnight) and the last valid Jalali day, 'YYYY/MM/DD'. */
    readonly validUntil: string;
    readonly validThrough: string;
  }
>;

/** The only event that carries personal data: siteAddress and contactMobile stay inside the secretariat. */
export type OperationPermitRequested = FileEvent<
  'OperationPermitRequested',
  {
    readonly requestId: string;
    readonly installationPermitId: string;
    readonly letterNumber: string;
    readonly siteAddress: string;
    readonly contactMobile: string;
  }
>;

export type InspectionScheduled = FileEvent<
  'InspectionScheduled',
  {
    readonly inspectionId: string;
    readonly scheduledFor: string;
    readonly inspectorIds: readonly string[];
    readonly purpose: InspectionPurpose;
    readonly reinspection: boolean;
  }
>;

export type InspectionRecorded = FileEvent<
  'InspectionRecorded',
  {
    readonly inspectionId: string;
    readonly purpose: InspectionPurpose;
    readonly passed: boolean;
    readonly findings: readonly { readonly item: ChecklistItem; readonly passed: boolean; readonly note: string | null }[];
    readonly deficiencies: readonly Deficiency[];
  }
>;

export type OperationPermitGranted = FileEvent<
  'OperationPermitGranted',
  {
    readonly permitId: string;
    readonly installationPermitId: string;
    readonly inspectionId: string;
    readonly kind: OperationPermitKind;
    readonly hologramSerial: string;
    readonly deficiencies: readonly Deficiency[];
    readonly supersedesPermitId: string | null;
    readonly validUntil: string;
    readonly validThrough: string;
  }
>;

export type OperationPermitRefused = FileEvent<
  'OperationPermitRefused',
  { readonly requestId: string; readonly purpose: 'first' | 'renewal'; readonly reasons: readonly string[] }
>;

export type RemediationReported = FileEvent<'RemediationReported', { readonly permitId: string; readonly note: string }>;

export type RenewalRequested = FileEvent<'RenewalRequested', { readonly requestId: string; readonly permitId: string }>;

export type PermitRevoked = FileEvent<
  'PermitRevoked',
  { readonly permitId: string; readonly permitType: 'installation' | 'operation'; readonly reason: string }
>;

export type SecretariatFileEvent =
  | InstallationQueuedForSigning
  | InstallationPermitSigned
  | OperationPermitRequested
  | InspectionScheduled
  | InspectionRecorded
  | OperationPermitGranted
  | OperationPermitRefused
  | RemediationReported
  | RenewalRequested
  | PermitRevoked;
