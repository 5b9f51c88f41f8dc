import type { Pool } from 'pg';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

export type EventStoreConfig =
  | { readonly kind: 'postgres'; readonly pool: Pool; readonly schema: string }
  | {
      readonly kind: 'eventstoredb';
      readonly connectionString: string;
      /** The service's own streams in the shared $all, e.g. "union."; see EventStoreDbEventStore. */
      readonly streamPrefix?: string;
    };

export interface SelectedEventStore {
  readonly store: EventStore;
  /** Creates what the store needs (PostgreSQL tables); nothing for EventStoreDB. */
  readonly prepare: () => Promise<void>;
  /** Releases what the store opened itself; a PostgreSQL pool stays the caller's. */
  readonly close: () => Promise<void>;
}

/** The event store the configuration names. */
export function createEventStore(config: EventStoreConfig): SelectedEventStore {
  switch (config.kind) {
    case 'postgres': {
      const store = new PostgresEventStore(config.pool, config.schema);
      return { store, prepare: () => store.ensureSchema(), close: () => store.close() };
    }
    case 'eventstoredb': {
      const store = EventStoreDbEventStore.connect(config.connectionString, { streamPrefix: config.streamPrefix });
      return { store, prepare: async () => undefined, close: () => store.close() };
    }
    default:
      return unknownKind(config);
  }
}

function unknownKind(config: never): never {
  throw new Error(`Unknown event store kind: ${(config as { kind?: unknown }).kind}`);
}
