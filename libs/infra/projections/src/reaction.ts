import type { RecordedEvent } from '@cctv/event-store';

/**
 * A process manager: turns events into commands or new events. It runs at
 * least once per event (a crash before the checkpoint is saved repeats it),
 * so whatever it appends must use ids derived from the event
 * (`deterministicEventId`) for the store to drop the repeat.
 */
export interface Reaction {
  /** Also the checkpoint name and the lock name: unique per database. */
  readonly name: string;
  react(event: RecordedEvent): Promise<void>;
  /**
   * Optional: what an event's reaction depends on (e.g. the file it is
   * about). Events with the same key are reacted to one after another in log
   * order; events with different keys may be reacted to at the same time.
   * Without it, every event waits for the one before.
   */
  concurrencyKey?(event: RecordedEvent): string;
}
