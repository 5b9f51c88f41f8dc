import { randomUUID } from 'node:crypto';
import { Decider, fold } from '@cctv/kernel';
import { EventMetadata, EventStore, WrongExpectedVersionError } from '@cctv/event-store';

export interface DomainEventShape {
  readonly type: string;
  readonly data: unknown;
}

export interface CommandContext {
  readonly metadata: EventMetadata;
  /** Ids for the new events; by default random. Reactions pass deterministic ones so a retry is de-duplicated. */
  readonly eventIds?: (index: number, event: DomainEventShape) => string;
}

const MAX_ATTEMPTS = 3;

/**
 * Load → decide → append with the expected version. When another writer got
 * there first, decide again on the fresher state: the rules then say whether
 * the command still holds (a second approval of the same file is refused by the
 * decider, which the edge answers with 409).
 */
export const decideAndAppend = async <C, S, E extends DomainEventShape>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamId: string,
  command: C,
  context: CommandContext & {
    /** Refuses (throws) before the rules decide, e.g. an owner's command on someone else's file. */
    readonly authorize?: (state: S) => void;
  },
): Promise<{ events: readonly E[]; state: S }> => {
  for (let attempt = 1; ; attempt++) {
    const { version, events: past } = await store.readStream<E['data']>(streamId);
    const state = fold(decider, past.map((e) => ({ type: e.type, data: e.data }) as unknown as E));
    context.authorize?.(state);
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state };
    try {
      await store.appendToStream(
        streamId,
        events.map((event, index) => ({
          eventId: context.eventIds ? context.eventIds(index, event) : randomUUID(),
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          metadata: context.metadata,
        })),
        version,
      );
      return { events, state: events.reduce(decider.evolve, state) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
};
