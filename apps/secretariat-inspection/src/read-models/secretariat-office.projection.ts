import type { ReadModelProjection } from '@cctv/service-runtime';
import { SecretariatFileRow } from './files/secretariat-file.row';
import { updateFiles } from './files/files.updates';
import { InspectionRow } from './inspections/inspection.row';
import { updateInspections } from './inspections/inspections.updates';
import { OperationRequestRow } from './operation-requests/operation-request.row';
import { updateOperationRequests } from './operation-requests/operation-requests.updates';
import { OperationPermitRow } from './permits/operation-permit.row';
import { updateOperationPermits } from './permits/operation-permits.updates';
import type { ReadModelUpdate } from './recorded-events';
import { SigningQueueRow } from './signing-queue/signing-queue.row';
import { updateSigningQueue } from './signing-queue/signing-queue.updates';

export const SECRETARIAT_OFFICE_ENTITIES = [SecretariatFileRow, SigningQueueRow, OperationRequestRow, InspectionRow, OperationPermitRow];

/** In this order: the file row last, since the others read it as it stood before the event. */
const UPDATES: readonly ReadModelUpdate[] = [updateSigningQueue, updateOperationRequests, updateInspections, updateOperationPermits, updateFiles];

/**
 * The secretariat's office read model: one projection over several tables, so
 * that they move together in one transaction with one checkpoint.
 */
export const secretariatOfficeProjection: ReadModelProjection = {
  name: 'secretariat-office',

  async apply(event, em) {
    for (const update of UPDATES) await update(event, em);
  },

  async reset(em) {
    for (const entity of SECRETARIAT_OFFICE_ENTITIES) await em.getRepository(entity).clear();
  },
};
