/**
 * Public events of the secretariat, on topic `secretariat.cases.v1`, keyed by fileId.
 * The site address and contact phone of an operation request stay inside the secretariat.
 */
export interface Deficiency {
  readonly item: string;
  readonly note: string;
}

export interface SecretariatInstallationQueuedV1 {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly at: string;
}

export interface SecretariatInstallationPermitSignedV1 {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly installationPermitId: string;
  readonly hologramSerial: string;
  readonly at: string;
}

export interface SecretariatOperationPermitRequestedV1 {
  readonly fileId: string;
  readonly installationPermitId: string;
  readonly requestId: string;
  readonly at: string;
}

export interface SecretariatInspectionScheduledV1 {
  readonly fileId: string;
  readonly inspectionId: string;
  readonly scheduledFor: string;
  readonly inspectorIds: readonly string[];
  readonly purpose: 'first' | 'reinspection' | 'renewal';
  readonly at: string;
}

export interface SecretariatInspectionRecordedV1 {
  readonly fileId: string;
  readonly inspectionId: string;
  readonly passed: boolean;
  readonly deficiencies: readonly Deficiency[];
  readonly at: string;
}

export interface SecretariatOperationPermitGrantedV1 {
  readonly fileId: string;
  readonly permitId: string;
  readonly installationPermitId: string;
  readonly kind: 'temporary' | 'main';
  readonly hologramSerial: string;
  readonly deficiencies: readonly Deficiency[];
  readonly supersedesPermitId: string | null;
  readonly at: string;
}

export interface SecretariatOperationPermitRefusedV1 {
  readonly fileId: string;
  readonly reasons: readonly string[];
  readonly at: string;
}

export interface SecretariatRemediationReportedV1 {
  readonly fileId: string;
  readonly at: string;
}

export interface SecretariatRenewalRequestedV1 {
  readonly fileId: string;
  readonly permitId: string;
  readonly at: string;
}

export interface SecretariatPermitRevokedV1 {
  readonly fileId: string;
  readonly permitId: string;
  readonly reason: string;
  readonly at: string;
}

export interface SecretariatEventsV1 {
  'secretariat.InstallationQueuedForSigning.v1': SecretariatInstallationQueuedV1;
  'secretariat.InstallationPermitSigned.v1': SecretariatInstallationPermitSignedV1;
  'secretariat.OperationPermitRequested.v1': SecretariatOperationPermitRequestedV1;
  'secretariat.InspectionScheduled.v1': SecretariatInspectionScheduledV1;
  'secretariat.InspectionRecorded.v1': SecretariatInspectionRecordedV1;
  'secretariat.OperationPermitGranted.v1': SecretariatOperationPermitGrantedV1;
  'secretariat.OperationPermitRefused.v1': SecretariatOperationPermitRefusedV1;
  'secretariat.RemediationReported.v1': SecretariatRemediationReportedV1;
  'secretariat.RenewalRequested.v1': SecretariatRenewalRequestedV1;
  'secretariat.PermitRevoked.v1': SecretariatPermitRevokedV1;
}
