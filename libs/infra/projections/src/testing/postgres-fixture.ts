import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PostgresCheckpointStore, PostgresEventStore } from '@cctv/event-store';
import { Pool, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';

export const connection: ClientConfig = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  database: process.env.PGDATABASE ?? 'test',
};

/** Null when the server answers; otherwise why the PostgreSQL tests are skipped (printed, never silent). */
export function postgresUnavailable(): string | null {
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('net').connect(${connection.port}, ${JSON.stringify(connection.host)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`],
    { timeout: 5_000 },
  );
  if (probe.status === 0) return null;
  const reason = `no PostgreSQL server answers at ${connection.host}:${connection.port}`;
  console.warn(`Skipping PostgreSQL tests: ${reason}`);
  return reason;
}

/** One service's event store, checkpoints and read-model database, in a schema of its own, dropped afterwards. */
export interface PostgresFixture {
  readonly schema: string;
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly checkpoints: PostgresCheckpointStore;
  readonly dataSource: DataSource;
  /** Another read-model connection pool, as a second process of the service would have. */
  openDataSource(): Promise<DataSource>;
  cleanup(): Promise<void>;
}

export async function postgresFixture(prefix: string): Promise<PostgresFixture> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const pool = new Pool({ ...connection, max: 10 });
  const store = new PostgresEventStore(pool, schema);
  await store.ensureSchema();
  const dataSources: DataSource[] = [];
  const openDataSource = async () => {
    const dataSource = new DataSource({
      type: 'postgres',
      host: connection.host,
      port: connection.port,
      username: connection.user,
      database: connection.database,
      extra: { max: 5 },
    });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  };
  const dataSource = await openDataSource();
  return {
    schema,
    pool,
    store,
    checkpoints: new PostgresCheckpointStore(dataSource, schema),
    dataSource,
    openDataSource,
    cleanup: async () => {
      await store.close();
      for (const ds of dataSources) if (ds.isInitialized) await ds.destroy();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
