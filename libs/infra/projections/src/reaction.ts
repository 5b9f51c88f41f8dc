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
}
