import type { RecordedEvent } from '@cctv/event-store';

/** Which event a projection or reaction failed on; the cause is kept for debugging, not logged. */
export class EventHandlingError extends Error {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: string;

  constructor(event: RecordedEvent, override readonly cause: unknown) {
    super(`Handling event ${event.eventId} (${event.type}) failed`);
    this.name = 'EventHandlingError';
    this.eventId = event.eventId;
    this.eventType = event.type;
    this.position = event.position;
  }
}

/** Loggable fields of a failure: the event's id, type and position and the error's class and code, nothing else. */
export function failureFields(error: unknown): Record<string, string> {
  const cause = error instanceof EventHandlingError ? error.cause : error;
  const fields: Record<string, string> = { errorName: cause instanceof Error ? cause.name : typeof cause };
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string') fields.errorCode = code; // a DomainError or driver code, never free text
  if (!(error instanceof EventHandlingError)) return fields;
  return { eventId: error.eventId, eventType: error.eventType, position: error.position, ...fields };
}
