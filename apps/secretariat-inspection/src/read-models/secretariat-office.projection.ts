import type { RecordedEvent } from '@cctv/event-store';
import { RowSet } from '@cctv/projections';
import type { ReadModelProjection } from '@cctv/service-runtime';
import type { EntityManager } from 'typeorm';
import { SecretariatFileRow } from './files/secretariat-file.row';
import { updateFiles } from './files/files.updates';
import { InspectionRow } from './inspections/inspection.row';
import { updateInspections } from './inspections/inspections.updates';
import { OperationRequestRow } from './operation-requests/operation-request.row';
import { updateOperationRequests } from './operation-requests/operation-requests.updates';
import { OperationPermitRow } from './permits/operation-permit.row';
import { updateOperationPermits } from './permits/operation-permits.updates';
import { fileEventOf, issuedPermitOf, type OfficeBatch, type ReadModelUpdate } from './recorded-events';
import { SigningQueueRow } from './signing-queue/signing-queue.row';
import { updateSigningQueue } from './signing-queue/signing-queue.updates';

export const SECRETARIAT_OFFICE_ENTITIES = [SecretariatFileRow, SigningQueueRow, OperationRequestRow, InspectionRow, OperationPermitRow];

/** In this order: the file row last, since the others read it as it stood before the event. */
const UPDATES: readonly ReadModelUpdate[] = [updateSigningQueue, updateOperationRequests, updateInspections, updateOperationPermits, updateFiles];

/**
 * Loads every row the batch's events can read or write, a query per table:
 * the updates then work in memory and a few statements write the batch back.
 */
async function loadBatch(events: readonly RecordedEvent[], em: EntityManager): Promise<OfficeBatch> {
  const batch: OfficeBatch = {
    files: new RowSet(SecretariatFileRow, 'fileId'),
    signingQueue: new RowSet(SigningQueueRow, 'fileId'),
    cases: new RowSet(OperationRequestRow, 'caseId'),
    inspections: new RowSet(InspectionRow, 'inspectionId'),
    permits: new RowSet(OperationPermitRow, 'permitId'),
  };
  const fileIds = new Set<string>();
  const queuedFileIds = new Set<string>();
  const caseIds = new Set<string>();
  const inspectionIds = new Set<string>();
  const permitIds = new Set<string>();
  const permitsOfFiles = new Set<string>();
  for (const recorded of events) {
    const issued = issuedPermitOf(recorded);
    if (issued) {
      fileIds.add(issued.fileId);
      permitIds.add(issued.permitId);
      continue;
    }
    const event = fileEventOf(recorded);
    if (!event) continue;
    fileIds.add(event.data.fileId);
    switch (event.type) {
      case 'InstallationQueuedForSigning':
      case 'InstallationPermitSigned':
        queuedFileIds.add(event.data.fileId);
        break;
      case 'OperationPermitRequested':
      case 'RenewalRequested':
        caseIds.add(event.data.requestId);
        if (event.type === 'RenewalRequested') permitIds.add(event.data.permitId);
        break;
      case 'RemediationReported':
        caseIds.add(recorded.eventId);
        permitIds.add(event.data.permitId);
        break;
      case 'InspectionScheduled':
        inspectionIds.add(event.data.inspectionId);
        break;
      case 'InspectionRecorded':
        inspectionIds.add(event.data.inspectionId);
        permitsOfFiles.add(event.data.fileId);
        break;
      case 'OperationPermitGranted':
        permitIds.add(event.data.permitId);
        if (event.data.supersedesPermitId) permitIds.add(event.data.supersedesPermitId);
        break;
      case 'OperationPermitRefused':
        permitsOfFiles.add(event.data.fileId);
        break;
      case 'PermitRevoked':
        permitIds.add(event.data.permitId);
        break;
      default:
        break;
    }
  }
  if (fileIds.size === 0) return batch;
  await batch.files.load(em, { fileId: fileIds });
  // The cases the files have open, besides those the events name.
  for (const id of fileIds) {
    const openCaseId = batch.files.get(id)?.openCaseId;
    if (openCaseId) caseIds.add(openCaseId);
  }
  await batch.signingQueue.load(em, { fileId: queuedFileIds });
  await batch.cases.load(em, { caseId: caseIds });
  await batch.inspections.load(em, { inspectionId: inspectionIds });
  await batch.permits.load(em, { permitId: permitIds, fileId: permitsOfFiles });
  return batch;
}

/**
 * The secretariat's office read model: one projection over several tables, so
 * that they move together in one transaction with one checkpoint.
 */
export const secretariatOfficeProjection: ReadModelProjection = {
  name: 'secretariat-office',

  /** The file's own events and the register's numbers; the rest of the inbox changes nothing here. */
  handles(event) {
    return fileEventOf(event) !== null || issuedPermitOf(event) !== null;
  },

  apply(event, em) {
    return secretariatOfficeProjection.applyBatch!([event], em);
  },

  async applyBatch(events, em) {
    const batch = await loadBatch(events, em);
    for (const event of events) for (const update of UPDATES) update(event, batch);
    await batch.signingQueue.flush(em);
    await batch.cases.flush(em);
    await batch.inspections.flush(em);
    await batch.permits.flush(em);
    await batch.files.flush(em);
  },

  async reset(em) {
    for (const entity of SECRETARIAT_OFFICE_ENTITIES) await em.getRepository(entity).clear();
  },
};
