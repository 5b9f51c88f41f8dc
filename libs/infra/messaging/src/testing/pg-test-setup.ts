import { randomBytes } from 'node:crypto';
import { PostgresCheckpointStore, PostgresEventStore } from '@cctv/event-store';
import { Pool, type ClientConfig } from 'pg';

/** The integration-test server: database `test` on the local PostgreSQL, trust auth. */
export const pgConfig: ClientConfig = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  database: process.env.PGDATABASE ?? 'test',
};

/** One service's event store and checkpoints in a schema of this run's own, dropped at the end. */
export interface ServiceDb {
  readonly schema: string;
  readonly store: PostgresEventStore;
  readonly checkpoints: PostgresCheckpointStore;
}

export function testDatabase() {
  const pool = new Pool({ ...pgConfig, max: 10 });
  const made: ServiceDb[] = [];
  return {
    pool,
    async service(prefix: string): Promise<ServiceDb> {
      const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
      const store = new PostgresEventStore(pool, schema);
      await store.ensureSchema();
      const db = { schema, store, checkpoints: new PostgresCheckpointStore(pool, schema) };
      made.push(db);
      return db;
    },
    async dispose(): Promise<void> {
      for (const { schema, store } of made) {
        await store.close();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
      await pool.end();
    },
  };
}
