import type { SecretariatFileEvent } from '@cctv/secretariat-domain';

/** The events of a file's own stream; the log also holds hologram registry events and inbox copies. */
export const FILE_EVENT_TYPES: ReadonlySet<string> = new Set<SecretariatFileEvent['type']>([
  'InstallationQueuedForSigning', 'InstallationPermitSigned', 'OperationPermitRequested', 'InspectionScheduled',
  'InspectionRecorded', 'OperationPermitGranted', 'OperationPermitRefused', 'RemediationReported', 'RenewalRequested',
  'PermitRevoked',
]);
