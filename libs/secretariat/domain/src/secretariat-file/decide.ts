import { assertNever } from '@cctv/kernel';
import type { SecretariatFileCommand } from './commands';
import type { SecretariatFileEvent } from './events';
import { grantOperationPermit } from './granting-operation-permit/grant-operation-permit';
import { queueForSigning } from './queueing-for-signing/queue-for-signing';
import { recordInspectionFindings } from './recording-inspection/record-inspection-findings';
import { refuseOperationPermit } from './refusing-operation-permit/refuse-operation-permit';
import { reportRemediation } from './reporting-remediation/report-remediation';
import { requestOperationPermit } from './requesting-operation-permit/request-operation-permit';
import { requestRenewal } from './requesting-renewal/request-renewal';
import { revokePermit } from './revoking-permit/revoke-permit';
import { scheduleInspection } from './scheduling-inspection/schedule-inspection';
import { signInstallationPermit } from './signing-installation-permit/sign-installation-permit';
import type { SecretariatFileState } from './state';

export const decide = (command: SecretariatFileCommand, state: SecretariatFileState): readonly SecretariatFileEvent[] => {
  switch (command.type) {
    case 'QueueForSigning':
      return queueForSigning(command, state);
    case 'SignInstallationPermit':
      return signInstallationPermit(command, state);
    case 'RequestOperationPermit':
      return requestOperationPermit(command, state);
    case 'ScheduleInspection':
      return scheduleInspection(command, state);
    case 'RecordInspectionFindings':
      return recordInspectionFindings(command, state);
    case 'GrantOperationPermit':
      return grantOperationPermit(command, state);
    case 'RefuseOperationPermit':
      return refuseOperationPermit(command, state);
    case 'ReportRemediation':
      return reportRemediation(command, state);
    case 'RequestRenewal':
      return requestRenewal(command, state);
    case 'RevokePermit':
      return revokePermit(command, state);
    default:
      return assertNever(command);
  }
};
