import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@cctv/contracts';

/** A valid envelope for tests; the bus and the inbox do not care what the data says. */
export function sampleEvent(aggregateId: string, seq: number, overrides: Partial<IntegrationEvent> = {}): IntegrationEvent {
  return {
    eventId: randomUUID(),
    type: 'union.FileOpened.v1',
    schemaVersion: 1,
    source: 'union-intake',
    aggregateId,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)).toISOString(),
    correlationId: `corr-${aggregateId}`,
    causationId: null,
    actor: { personId: 'clerk-7', role: 'union-clerk' },
    data: { seq },
    ...overrides,
  };
}
