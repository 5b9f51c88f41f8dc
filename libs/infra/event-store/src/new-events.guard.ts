import type { NewEvent } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Caller bugs, refused before anything is written (and before a driver error could hide them). */
export function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  if (streamId.length === 0) throw new Error('A stream id must not be empty');
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) throw new Error(`Stream ${streamId}: event id is not a UUID: ${event.eventId}`);
    const id = event.eventId.toLowerCase();
    if (seen.has(id)) throw new Error(`Stream ${streamId}: event id ${event.eventId} appears twice in one append`);
    seen.add(id);
  }
}
