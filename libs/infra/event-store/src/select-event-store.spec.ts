import type { Pool } from 'pg';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { createEventStore, type EventStoreConfig } from './select-event-store';

describe('choosing the event store by configuration', () => {
  it("'postgres' gives the PostgreSQL store in the service's schema", async () => {
    const pool = { options: {} } as unknown as Pool;
    const { store, close } = createEventStore({ kind: 'postgres', pool, schema: 'union_es' });
    expect(store).toBeInstanceOf(PostgresEventStore);
    expect((store as PostgresEventStore).schema).toBe('union_es');
    await close();
  });

  it("'eventstoredb' gives the EventStoreDB store, without connecting until first used", async () => {
    const { store, close } = createEventStore({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false', streamPrefix: 'union.' });
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await close();
  });

  it('an unknown kind is refused instead of silently falling back', () => {
    expect(() => createEventStore({ kind: 'mongo' } as unknown as EventStoreConfig)).toThrow(/mongo/);
  });
});
