import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = Number(process.env.PGPORT ?? 5432);

/** The integration-test server: database `test` on the local PostgreSQL, trust auth. */
export function testPool(max = 20): Pool {
  return new Pool({ host, port, user: process.env.PGUSER ?? 'postgres', database: process.env.PGDATABASE ?? 'test', max });
}

/** Null when the server answers; otherwise why the PostgreSQL tests are skipped (printed, never silent). */
export function postgresUnavailable(): string | null {
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('net').connect(${port}, ${JSON.stringify(host)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`],
    { timeout: 5_000 },
  );
  if (probe.status === 0) return null;
  const reason = `no PostgreSQL server answers at ${host}:${port}`;
  console.warn(`Skipping PostgreSQL tests: ${reason}`);
  return reason;
}

/** A schema nobody else uses, so parallel runs on the shared server never see each other's rows. */
export function randomSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
