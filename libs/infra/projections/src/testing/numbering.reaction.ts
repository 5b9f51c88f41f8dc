import { deterministicEventId, type EventStore, type RecordedEvent } from '@cctv/event-store';
import type { Reaction } from '../reaction';

/**
 * A process manager for tests: for every file event it appends one
 * "NumberAssigned" event to a register stream, with an id derived from the
 * event it reacts to — so reacting twice to one event stores it once.
 */
export class NumberingReaction implements Reaction {
  readonly name = 'numbering';
  readonly reactedTo: string[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly hooks: { readonly beforeReact?: (event: RecordedEvent) => Promise<void> } = {},
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (!event.streamId.startsWith('file-')) return;
    await this.hooks.beforeReact?.(event);
    this.reactedTo.push(event.eventId);
    await this.store.appendToStream(
      `register-${event.streamId}`,
      [
        {
          eventId: deterministicEventId(this.name, event.eventId),
          type: 'NumberAssigned',
          schemaVersion: 1,
          data: { forEvent: event.eventId },
          metadata: { ...event.metadata, causationId: event.eventId, actor: { personId: 'system', role: 'system' } },
        },
      ],
      'any',
    );
  }
}
