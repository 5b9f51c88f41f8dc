import type { EntityManager } from 'typeorm';
import { assertNever } from '@cctv/kernel';
import { SecretariatFileRow } from '../files/secretariat-file.row';
import { OperationPermitRow } from '../permits/operation-permit.row';
import { fileEventOf, type ReadModelUpdate } from '../recorded-events';
import { OperationRequestRow, type CaseStatus } from './operation-request.row';

const setOpenCase = async (em: EntityManager, file: SecretariatFileRow, changes: Partial<OperationRequestRow>, at: string) => {
  if (!file.openCaseId) return;
  await em.getRepository(OperationRequestRow).update({ caseId: file.openCaseId }, { ...changes, updatedAt: new Date(at) });
};

const status = (value: CaseStatus) => ({ status: value });

/**
 * What there is to inspect, and how far each case has come. Runs before the
 * file row is updated, so the file's openCaseId is still the case the event
 * concerns.
 */
export const updateOperationRequests: ReadModelUpdate = async (recorded, em) => {
  const event = fileEventOf(recorded);
  if (!event || event.type === 'InstallationQueuedForSigning') return;
  const file = await em.getRepository(SecretariatFileRow).findOneBy({ fileId: event.data.fileId });
  if (!file) return;
  const cases = em.getRepository(OperationRequestRow);
  const at = event.data.at;
  const opened = (row: Omit<OperationRequestRow, 'fileId' | 'fileNumber' | 'status' | 'inspectionId' | 'receivedAt' | 'updatedAt'>) =>
    cases.insert({ ...row, fileId: file.fileId, fileNumber: file.fileNumber, status: 'awaiting-inspection', inspectionId: null, receivedAt: new Date(at), updatedAt: new Date(at) });

  switch (event.type) {
    case 'InstallationPermitSigned':
      return;
    case 'OperationPermitRequested': {
      const { requestId, letterNumber, siteAddress, contactMobile } = event.data;
      await opened({ caseId: requestId, purpose: 'first', letterNumber, siteAddress, contactMobile, endsAt: null });
      return;
    }
    case 'RemediationReported': {
      // A new report after a failed re-inspection replaces that case.
      await setOpenCase(em, file, status('closed'), at);
      const temporary = await em.getRepository(OperationPermitRow).findOneBy({ permitId: event.data.permitId });
      await opened({
        caseId: recorded.eventId, purpose: 'reinspection', letterNumber: null,
        siteAddress: file.siteAddress, contactMobile: file.contactMobile, endsAt: temporary?.validUntil ?? null,
      });
      return;
    }
    case 'RenewalRequested':
      await opened({
        caseId: event.data.requestId, purpose: 'renewal', letterNumber: null,
        siteAddress: file.siteAddress, contactMobile: file.contactMobile, endsAt: null,
      });
      return;
    case 'InspectionScheduled':
      return setOpenCase(em, file, { status: 'inspection-scheduled', inspectionId: event.data.inspectionId }, at);
    case 'InspectionRecorded':
      return setOpenCase(em, file, status('inspected'), at);
    case 'OperationPermitGranted':
      return setOpenCase(em, file, status('granted'), at);
    case 'OperationPermitRefused':
      return setOpenCase(em, file, status('refused'), at);
    case 'PermitRevoked':
      // Revoking the permit (or the installation permit under it) ends whatever was being worked on.
      return setOpenCase(em, file, status('closed'), at);
    default:
      return assertNever(event);
  }
};
