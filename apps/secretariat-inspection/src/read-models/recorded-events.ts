import type { IntegrationEvent, IssuancePermitIssuedV1 } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import type { EntityManager } from 'typeorm';
import type { SecretariatFileEvent } from '@cctv/secretariat-domain';
import { FILE_EVENT_TYPES } from '../secretariat-file/file-event-types';

/** One of the file's own events, or null for anything else in the log. */
export const fileEventOf = (event: RecordedEvent): SecretariatFileEvent | null =>
  FILE_EVENT_TYPES.has(event.type) ? ({ type: event.type, data: event.data } as SecretariatFileEvent) : null;

/** The register's numbering of a permit, received in our inbox (the data is the whole public envelope). */
export const issuedPermitOf = (event: RecordedEvent): IssuancePermitIssuedV1 | null =>
  event.type === 'issuance.PermitIssued.v1' ? (event.data as IntegrationEvent<string, IssuancePermitIssuedV1>).data : null;

/** One table's share of the office read model, applied in the projection's transaction. */
export type ReadModelUpdate = (event: RecordedEvent, em: EntityManager) => Promise<void>;
