import type { ServiceName } from '@cctv/contracts';
import type { EventStore, RecordedEvent } from '@cctv/event-store';
import type { ToIntegrationEvent } from '@cctv/messaging';
import type { EntityManager } from 'typeorm';
import type { SequenceFactory } from '@cctv/nest-common';
import type { Clock } from '@cctv/nest-common';

/** A read model fed from the service's own log: its rows and its checkpoint commit together. */
export interface ReadModelProjection {
  readonly name: string;
  apply(event: RecordedEvent, em: EntityManager): Promise<void>;
  /** Optional: the same as `apply` on each event in order, for a whole batch at once (see Projection.applyBatch). */
  applyBatch?(events: readonly RecordedEvent[], em: EntityManager): Promise<void>;
  reset(em: EntityManager): Promise<void>;
  /** Optional: false when applying the event changes nothing (see Projection.handles). */
  handles?(event: RecordedEvent): boolean;
}

/** A process manager: turns events (often received from another office) into this office's commands. */
export interface Reaction {
  readonly name: string;
  react(event: RecordedEvent): Promise<void>;
  /** Optional: events with different keys may be reacted to at the same time, those with one key in log order (see projections' Reaction). */
  concurrencyKey?(event: RecordedEvent): string;
}

export interface RuntimeDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly sequences: SequenceFactory;
}

/** What makes one service: its topic, what it listens to, how it speaks publicly, its read models and reactions. */
export interface ServiceDefinition {
  readonly service: ServiceName;
  readonly publicTopic: string;
  readonly consumes: readonly string[];
  readonly toPublicEvent: ToIntegrationEvent;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: readonly Function[];
  readonly projections: readonly ReadModelProjection[];
  readonly reactions?: (deps: RuntimeDeps) => readonly Reaction[];
  /**
   * The service derives or checks owner references (`OwnerRefs`), so it needs
   * `OWNER_REF_SECRET` in production; the others neither get nor need it.
   */
  readonly ownerRefs?: boolean;
}
