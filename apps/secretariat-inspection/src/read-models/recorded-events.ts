import type { IntegrationEvent, IssuancePermitIssuedV1 } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import type { RowSet } from '@cctv/projections';
import type { SecretariatFileEvent } from '@cctv/secretariat-domain';
import { FILE_EVENT_TYPES } from '../secretariat-file/file-event-types';
import type { SecretariatFileRow } from './files/secretariat-file.row';
import type { InspectionRow } from './inspections/inspection.row';
import type { OperationRequestRow } from './operation-requests/operation-request.row';
import type { OperationPermitRow } from './permits/operation-permit.row';
import type { SigningQueueRow } from './signing-queue/signing-queue.row';

/** One of the file's own events, or null for anything else in the log. */
export const fileEventOf = (event: RecordedEvent): SecretariatFileEvent | null =>
  FILE_EVENT_TYPES.has(event.type) ? ({ type: event.type, data: event.data } as SecretariatFileEvent) : null;

/** The register's numbering of a permit, received in our inbox (the data is the whole public envelope). */
export const issuedPermitOf = (event: RecordedEvent): IssuancePermitIssuedV1 | null =>
  event.type === 'issuance.PermitIssued.v1' ? (event.data as IntegrationEvent<string, IssuancePermitIssuedV1>).data : null;

/** The office read model's rows a batch of events touches, loaded up front (see secretariat-office.projection). */
export interface OfficeBatch {
  readonly files: RowSet<SecretariatFileRow>;
  readonly signingQueue: RowSet<SigningQueueRow>;
  readonly cases: RowSet<OperationRequestRow>;
  readonly inspections: RowSet<InspectionRow>;
  readonly permits: RowSet<OperationPermitRow>;
}

/** One table's share of the office read model: applies one event to the batch's rows, in memory. */
export type ReadModelUpdate = (event: RecordedEvent, batch: OfficeBatch) => void;
