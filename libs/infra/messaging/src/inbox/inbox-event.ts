import type { IntegrationEvent } from '@cctv/contracts';
import type { NewEvent } from '@cctv/event-store';

export const INBOX_STREAM_PREFIX = 'inbox-';

/** One inbox stream per foreign aggregate, so its events stay in their order in our log. */
export const inboxStreamId = (event: Pick<IntegrationEvent, 'source' | 'aggregateId'>): string =>
  `${INBOX_STREAM_PREFIX}${event.source}-${event.aggregateId}`;

export const isInboxStream = (streamId: string): boolean => streamId.startsWith(INBOX_STREAM_PREFIX);

/**
 * A received integration event as it is kept in our own store: same id (so a
 * redelivery is recognised as a retry), same type, the whole envelope as data,
 * and the sender's correlation, causation and actor unchanged.
 */
export function toInboxEvent(event: IntegrationEvent): NewEvent<IntegrationEvent> {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event,
    metadata: {
      occurredAt: event.occurredAt,
      correlationId: event.correlationId,
      causationId: event.causationId,
      actor: { personId: event.actor.personId, role: event.actor.role },
    },
  };
}
