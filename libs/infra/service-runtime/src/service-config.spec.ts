import { readServiceConfig } from './service-config';

describe('a service’s configuration', () => {
  it('defaults to the local stack: its own port, schema, the local broker and the PostgreSQL event store', () => {
    expect(readServiceConfig('secretariat-inspection', {})).toMatchObject({
      port: 3002, schema: 'secretariat_inspection', kafkaBrokers: ['127.0.0.1:9092'], eventStore: { kind: 'postgres' },
    });
  });

  it('selects EventStoreDB by EVENT_STORE with its connection string', () => {
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' };
    expect(readServiceConfig('union-intake', env).eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://127.0.0.1:2113?tls=false' });
  });

  it('refuses an unknown event store, or EventStoreDB without a connection string, naming the variable', () => {
    expect(() => readServiceConfig('union-intake', { EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE/);
    expect(() => readServiceConfig('union-intake', { EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });

  it('refuses a port that is not one, and a topic prefix with odd characters', () => {
    expect(() => readServiceConfig('union-intake', { PORT: 'x' })).toThrow(/PORT/);
    expect(() => readServiceConfig('union-intake', { TOPIC_PREFIX: 'a b' })).toThrow(/TOPIC_PREFIX/);
  });
});
