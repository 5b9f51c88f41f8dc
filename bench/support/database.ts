import { randomBytes } from 'node:crypto';
import { Client, Pool, type PoolConfig } from 'pg';

/** A database of its own for one bench run, dropped at the end whatever happens. */
export interface FreshDatabase {
  readonly name: string;
  readonly url: string;
  pool(max: number, extra?: PoolConfig): Pool;
  drop(): Promise<void>;
}

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export async function freshDatabase(adminUrl: string, label: string): Promise<FreshDatabase> {
  const name = `cctv_bench_${label}_${randomBytes(3).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  const pools: Pool[] = [];
  return {
    name,
    url,
    pool(max, extra = {}) {
      const pool = new Pool({ connectionString: url, max, ...extra });
      // An idle connection still open when the database is dropped is cut by the server; that is the end of the run, not a failure.
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export { withDatabase };
