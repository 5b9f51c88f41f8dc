import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@cctv/event-store';
import { describeEventStoreContract } from '../../../libs/infra/event-store/src/event-store.contract';
import { spawnPglite, type ServedPglite } from './testing/spawn-pglite';

// PGlite creates its cluster on first open: slow on a small machine.
jest.setTimeout(120_000);

let folder: string;
let database: ServedPglite;
let pool: Pool;
let schemas = 0;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'cctv-pglite-contract-'));
  database = await spawnPglite(path.join(folder, 'pglite'));
  // As many connections as the contract's concurrent writers: they all queue on the one backend.
  pool = new Pool({ connectionString: database.url, max: 20 });
});

afterAll(async () => {
  await pool?.end();
  await database?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describeEventStoreContract('PostgreSQL adapter on PGlite (as npm start runs it)', async () => {
  const schema = `es_contract_${++schemas}`;
  const store = new PostgresEventStore(pool, schema, { namedStatements: false, notify: false, wakeUp: 'this-process' });
  await store.ensureSchema();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
});

describe('PGlite behind its socket', () => {
  it('many connections sending parameterised queries at once each get the answer to their own query', async () => {
    // Different statements with the same number of parameters: served message by message in turns, a Bind
    // would run another connection's Parse and answer with the wrong shape.
    const asks = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? pool.query<{ answer: string }>('SELECT $1::text AS answer', [`text-${i}`]).then((r) => r.rows[0].answer === `text-${i}`)
        : pool.query<{ doubled: number }>('SELECT $1::int * 2 AS doubled', [i]).then((r) => r.rows[0].doubled === i * 2),
    );
    expect((await Promise.all(asks)).every(Boolean)).toBe(true);
  });

  it('a transaction does not see, nor let others see, what is not committed', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS isolation_probe (n int)');
    const inside = await pool.connect();
    try {
      await inside.query('BEGIN');
      await inside.query('INSERT INTO isolation_probe VALUES (1)');
      const outside = pool.query<{ n: number }>('SELECT count(*)::int AS n FROM isolation_probe');
      // The other connection waits for the transaction to end, then sees its outcome.
      await new Promise((r) => setTimeout(r, 100));
      await inside.query('ROLLBACK');
      expect((await outside).rows[0].n).toBe(0);
    } finally {
      inside.release();
    }
  });
});
