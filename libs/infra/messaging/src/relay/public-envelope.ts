import type { IntegrationEvent, ServiceName } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';

/**
 * The public envelope of one of the service's own events: the same event id
 * (consumers de-duplicate by it), the same correlation, causation and actor —
 * except that an owner is published as "an owner": their sign-in id may be
 * their national ID, and office staff are the only people named in public.
 */
export const publicEnvelope = (
  recorded: RecordedEvent,
  source: ServiceName,
  publicForm: { readonly type: string; readonly data: unknown },
  aggregateId: string,
): IntegrationEvent => ({
  eventId: recorded.eventId,
  type: publicForm.type,
  schemaVersion: 1,
  source,
  aggregateId,
  occurredAt: recorded.metadata.occurredAt,
  correlationId: recorded.metadata.correlationId,
  causationId: recorded.metadata.causationId,
  actor: recorded.metadata.actor.role === 'owner' ? { personId: 'owner', role: 'owner' } : recorded.metadata.actor,
  data: publicForm.data,
});
