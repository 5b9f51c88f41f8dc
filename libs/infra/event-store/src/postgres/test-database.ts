import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The integration-test server: database `test` on the local PostgreSQL, trust auth. */
export function testPool(max = 20): Pool {
  return new Pool({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    database: process.env.PGDATABASE ?? 'test',
    max,
  });
}

/** A schema nobody else uses, so parallel runs on the shared server never see each other's rows. */
export function randomSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
