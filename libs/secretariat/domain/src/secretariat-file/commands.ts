import type { ChecklistItem } from '../checklist/checklist';

export type PremisesKind = 'shared-building' | 'public-place';

/** Every command names its file (the stream it goes to) and the instant it is decided at. */
type FileCommand<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & { readonly fileId: string; readonly now: Date };
};

/** A reaction to the union's approval; deliveries repeat, so a second one changes nothing. */
export type QueueForSigning = FileCommand<
  'QueueForSigning',
  {
    readonly fileNumber: string;
    readonly premisesKind: PremisesKind;
    readonly residential: boolean;
    readonly cameraCount: number;
    readonly approvedAt: string;
    /** The union's reference for the file's owner (none for files approved before it existed). */
    readonly ownerRef?: string;
  }
>;

export type SignInstallationPermit = FileCommand<
  'SignInstallationPermit',
  { readonly installationPermitId: string; readonly hologramSerial: string }
>;

export type RequestOperationPermit = FileCommand<
  'RequestOperationPermit',
  {
    readonly requestId: string;
    /** The number of the owner's written request. */
    readonly letterNumber: string;
    readonly siteAddress: string;
    readonly contactMobile: string;
  }
>;

export type ScheduleInspection = FileCommand<
  'ScheduleInspection',
  { readonly inspectionId: string; readonly scheduledFor: string; readonly inspectorIds: readonly string[] }
>;

export interface Finding {
  readonly item: ChecklistItem;
  readonly passed: boolean;
  readonly note?: string;
}

export type RecordInspectionFindings = FileCommand<
  'RecordInspectionFindings',
  {
    readonly inspectionId: string;
    /** The inspector recording them: one of those the inspection was assigned to. */
    readonly recordedBy: string;
    readonly findings: readonly Finding[];
    /** Configuration: the items this inspection must answer (see checklistFor). */
    readonly checklist: readonly ChecklistItem[];
  }
>;

export type GrantOperationPermit = FileCommand<
  'GrantOperationPermit',
  { readonly permitId: string; readonly hologramSerial: string }
>;

export type RefuseOperationPermit = FileCommand<'RefuseOperationPermit', { readonly reasons: readonly string[] }>;

export type ReportRemediation = FileCommand<'ReportRemediation', { readonly note: string }>;

export type RequestRenewal = FileCommand<'RequestRenewal', { readonly requestId: string }>;

export type RevokePermit = FileCommand<'RevokePermit', { readonly permitId: string; readonly reason: string }>;

export type SecretariatFileCommand =
  | QueueForSigning
  | SignInstallationPermit
  | RequestOperationPermit
  | ScheduleInspection
  | RecordInspectionFindings
  | GrantOperationPermit
  | RefuseOperationPermit
  | ReportRemediation
  | RequestRenewal
  | RevokePermit;
