import { Client, type ClientConfig } from 'pg';
import { sleep } from '../waiting';
import type { LockLease, RunnerLock } from './runner-lock.port';

export interface PostgresAdvisoryLockOptions {
  /** Prefix of every lock key, e.g. the service's schema; advisory locks are database-wide. */
  readonly namespace: string;
  /** How often a waiting replica tries again (default 1 s). */
  readonly retryMs?: number;
  /** How often the holder checks its connection is alive (default 5 s). */
  readonly healthCheckMs?: number;
}

/**
 * A PostgreSQL advisory lock held by a connection of its own for as long as
 * the runner runs. If the holder dies its connection ends, PostgreSQL
 * releases the lock, and a waiting replica takes it on its next try. Server-
 * side TCP keepalives are shortened so a vanished machine is noticed within
 * about half a minute instead of hours.
 */
export class PostgresAdvisoryLock implements RunnerLock {
  private readonly retryMs: number;
  private readonly healthCheckMs: number;

  constructor(
    private readonly config: ClientConfig,
    private readonly options: PostgresAdvisoryLockOptions,
  ) {
    this.retryMs = options.retryMs ?? 1_000;
    this.healthCheckMs = options.healthCheckMs ?? 5_000;
  }

  async acquire(name: string, signal: AbortSignal): Promise<LockLease | null> {
    const key = `${this.options.namespace}:${name}`;
    while (!signal.aborted) {
      const client = await this.connect(key);
      if (client) {
        try {
          while (!signal.aborted) {
            const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held', [key]);
            if (rows[0].held) return this.lease(client);
            await sleep(this.retryMs, signal);
          }
        } catch {
          // The connection broke while waiting; open another one.
        }
        await client.end().catch(() => undefined);
      }
      await sleep(this.retryMs, signal);
    }
    return null;
  }

  private async connect(key: string): Promise<Client | null> {
    const client = new Client({ ...this.config, application_name: `runner-lock ${key}`.slice(0, 63), keepAlive: true });
    client.on('error', () => undefined); // surfaced through the failing query or the lease's health check
    try {
      await client.connect();
      await client.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
      return client;
    } catch {
      await client.end().catch(() => undefined);
      return null;
    }
  }

  private lease(client: Client): LockLease {
    let lost = false;
    let markLost!: () => void;
    const lostPromise = new Promise<void>((resolve) => (markLost = resolve));
    const lose = () => {
      if (lost) return;
      lost = true;
      clearInterval(timer);
      markLost();
      client.end().catch(() => undefined);
    };
    client.on('error', lose);
    client.on('end', lose);
    // A half-open connection raises no event: ask it something, and give up if it does not answer in time.
    const timer = setInterval(() => {
      const deadline = setTimeout(lose, this.healthCheckMs).unref();
      client.query('SELECT 1').then(() => clearTimeout(deadline), lose);
    }, this.healthCheckMs).unref();
    return {
      lost: lostPromise,
      isLost: () => lost,
      // Closing the connection releases every advisory lock it holds.
      release: async () => lose(),
    };
  }
}
