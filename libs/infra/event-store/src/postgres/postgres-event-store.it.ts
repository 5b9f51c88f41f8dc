import type { Pool } from 'pg';
import { describeEventStoreContract } from '../event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, postgresUnavailable, randomSchemaName, testPool } from './test-database';

const unavailable = postgresUnavailable();

let pool: Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

describeEventStoreContract('PostgreSQL', async () => {
  const schema = randomSchemaName('es_contract');
  const store = new PostgresEventStore(pool, schema);
  await store.ensureSchema();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dropSchema(pool, schema);
    },
  };
}, unavailable);
