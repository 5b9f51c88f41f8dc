import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cctv/contracts';
import type { NewEvent, RecordedEvent } from '@cctv/event-store';

/** A made-up service's domain events for relay tests: `NoteAdded` stays private. */
export type TestDomainEvent = { type: 'FileOpened' | 'NoteAdded'; data: { fileId: string; seq: number } };

export function domainEvent(type: TestDomainEvent['type'], fileId: string, seq: number): NewEvent<TestDomainEvent['data']> {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { fileId, seq },
    metadata: {
      occurredAt: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)).toISOString(),
      correlationId: `corr-${fileId}`,
      causationId: null,
      actor: { personId: 'clerk-7', role: 'union-clerk' },
    },
  };
}

export const fileStream = (fileId: string) => `union-file-${fileId}`;

export function toTestIntegrationEvent(event: RecordedEvent): IntegrationEvent | null {
  if (event.type !== 'FileOpened') return null;
  const data = event.data as TestDomainEvent['data'];
  return {
    eventId: event.eventId,
    type: 'union.FileOpened.v1',
    schemaVersion: 1,
    source: 'union-intake',
    aggregateId: data.fileId,
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    data: { fileId: data.fileId, seq: data.seq },
  };
}
