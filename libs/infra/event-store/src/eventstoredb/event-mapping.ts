import { jsonEvent, type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { Actor } from '@cctv/kernel';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { encodeEsdbPosition } from './log-position';
import { revisionToVersion } from './revision';

/**
 * The JSON metadata stored with each event. `$correlationId` and `$causationId`
 * are the keys EventStoreDB's own projections ($by_correlation_id) and UI
 * understand; the rest is ours. A first event has no cause, so `$causationId`
 * is left out rather than stored as null.
 */
export interface StoredMetadata {
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly schemaVersion: number;
}

export function toStoredMetadata(event: NewEvent): StoredMetadata {
  const { occurredAt, correlationId, causationId, actor } = event.metadata;
  return {
    $correlationId: correlationId,
    ...(causationId === null ? {} : { $causationId: causationId }),
    occurredAt,
    actor: { personId: actor.personId, role: actor.role },
    schemaVersion: event.schemaVersion,
  };
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: toStoredMetadata(event),
  });
}

/** The stored event as the port shows it; `streamId` is our id (prefix already removed by the caller). */
export function fromEsdbEvent<Data = unknown>(event: EsdbRecordedEvent, streamId: string): RecordedEvent<Data> {
  if (!event.isJson) throw new Error(`Event ${event.id} in ${event.streamId} is not JSON`);
  if (event.position === undefined) {
    throw new Error(`Event ${event.id} came without its $all position; EventStoreDB 22.6 or later is needed`);
  }
  const { schemaVersion, metadata } = fromStoredMetadata(event.metadata, event.id);
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion,
    data: event.data as Data,
    metadata,
    streamId,
    streamVersion: revisionToVersion(event.revision),
    position: encodeEsdbPosition(event.position),
  };
}

export function fromStoredMetadata(stored: unknown, eventId: string): { schemaVersion: number; metadata: EventMetadata } {
  const m = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof StoredMetadata, unknown>>;
  const actor = m.actor as Partial<Actor> | undefined;
  const wellFormed =
    typeof m.$correlationId === 'string' &&
    (m.$causationId === undefined || typeof m.$causationId === 'string') &&
    typeof m.occurredAt === 'string' &&
    typeof m.schemaVersion === 'number' &&
    typeof actor?.personId === 'string' &&
    typeof actor.role === 'string';
  if (!wellFormed) throw new Error(`Event ${eventId} has metadata this store did not write`);
  return {
    schemaVersion: m.schemaVersion as number,
    metadata: {
      occurredAt: m.occurredAt as string,
      correlationId: m.$correlationId as string,
      causationId: (m.$causationId as string | undefined) ?? null,
      actor: { personId: actor!.personId!, role: actor!.role! },
    },
  };
}
