import { assertNever } from '@cctv/kernel';
import type { SecretariatFileRow } from '../files/secretariat-file.row';
import { fileEventOf, type OfficeBatch, type ReadModelUpdate } from '../recorded-events';
import type { CaseStatus, OperationRequestRow } from './operation-request.row';

const setOpenCase = ({ cases }: OfficeBatch, file: SecretariatFileRow, changes: Partial<OperationRequestRow>, at: string) => {
  if (!file.openCaseId) return;
  const row = cases.get(file.openCaseId);
  if (!row) return;
  Object.assign(row, changes, { updatedAt: new Date(at) });
  cases.changed(row);
};

const status = (value: CaseStatus) => ({ status: value });

/**
 * What there is to inspect, and how far each case has come. Runs before the
 * file row is updated, so the file's openCaseId is still the case the event
 * concerns.
 */
export const updateOperationRequests: ReadModelUpdate = (recorded, batch) => {
  const event = fileEventOf(recorded);
  if (!event || event.type === 'InstallationQueuedForSigning') return;
  const file = batch.files.get(event.data.fileId);
  if (!file) return;
  const at = event.data.at;
  const opened = (row: Omit<OperationRequestRow, 'fileId' | 'fileNumber' | 'status' | 'inspectionId' | 'receivedAt' | 'updatedAt'>) =>
    batch.cases.insert({ ...row, fileId: file.fileId, fileNumber: file.fileNumber, status: 'awaiting-inspection', inspectionId: null, receivedAt: new Date(at), updatedAt: new Date(at) });

  switch (event.type) {
    case 'InstallationPermitSigned':
      return;
    case 'OperationPermitRequested': {
      const { requestId, letterNumber, siteAddress, contactMobile } = event.data;
      opened({ caseId: requestId, purpose: 'first', letterNumber, siteAddress, contactMobile, endsAt: null });
      return;
    }
    case 'RemediationReported': {
      // A new report after a failed re-inspection replaces that case.
      setOpenCase(batch, file, status('closed'), at);
      const temporary = batch.permits.get(event.data.permitId);
      opened({
        caseId: recorded.eventId, purpose: 'reinspection', letterNumber: null,
        siteAddress: file.siteAddress, contactMobile: file.contactMobile, endsAt: temporary?.validUntil ?? null,
      });
      return;
    }
    case 'RenewalRequested':
      opened({
        caseId: event.data.requestId, purpose: 'renewal', letterNumber: null,
        siteAddress: file.siteAddress, contactMobile: file.contactMobile, endsAt: null,
      });
      return;
    case 'InspectionScheduled':
      return setOpenCase(batch, file, { status: 'inspection-scheduled', inspectionId: event.data.inspectionId }, at);
    case 'InspectionRecorded':
      return setOpenCase(batch, file, status('inspected'), at);
    case 'OperationPermitGranted':
      return setOpenCase(batch, file, status('granted'), at);
    case 'OperationPermitRefused':
      return setOpenCase(batch, file, status('refused'), at);
    case 'PermitRevoked':
      // Revoking the permit (or the installation permit under it) ends whatever was being worked on.
      return setOpenCase(batch, file, status('closed'), at);
    default:
      return assertNever(event);
  }
};
