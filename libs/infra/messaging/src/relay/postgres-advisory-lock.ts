import { Client, type ClientConfig } from 'pg';
import { errorText, silentLogger, type MessagingLogger } from '../logger';
import type { RelayLock } from './relay-lock.port';

/**
 * A session-level PostgreSQL advisory lock on a connection of its own. The
 * server drops it when that session ends — the holder crashed, was killed or
 * lost its network — so another replica's next attempt takes it. While we
 * hold it, `tryAcquire` proves the session is still alive at most every
 * `healthCheckMs` (and at once after the connection reported an error): a
 * holder that lost its session without hearing of it goes on for at most
 * that long, and what it publishes then reaches consumers twice at worst.
 */
export class PostgresAdvisoryLock implements RelayLock {
  private client: Client | null = null;
  private held = false;
  private verifiedAt = 0;
  private troubled = false;
  private readonly key: string;

  constructor(
    private readonly config: ClientConfig,
    private readonly name: string,
    private readonly logger: MessagingLogger = silentLogger,
    private readonly healthCheckMs = 1_000,
  ) {
    this.key = `cctv-relay:${name}`;
  }

  async tryAcquire(): Promise<boolean> {
    try {
      if (this.held && !this.troubled && Date.now() - this.verifiedAt < this.healthCheckMs) return true;
      const client = await this.session();
      if (this.held) {
        await client.query('SELECT 1');
        this.verifiedAt = Date.now();
        this.troubled = false;
        return true;
      }
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken', [this.key]);
      this.held = rows[0].taken;
      this.verifiedAt = Date.now();
      if (this.held) this.logger.log(`lock ${this.name}: taken`);
      return this.held;
    } catch (error) {
      if (this.held) this.logger.warn(`lock ${this.name}: session lost, leadership given up (${errorText(error)})`);
      await this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    if (this.held && this.client) {
      await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key]).catch(() => undefined);
      this.logger.log(`lock ${this.name}: released`);
    }
    await this.drop();
  }

  /** Standby replicas keep their session too, and simply ask again. */
  private async session(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ ...this.config, keepAlive: true, query_timeout: 10_000 });
    // A broken session surfaces at the next query; this only keeps it from crashing the process.
    client.on('error', (error) => {
      this.troubled = true;
      this.logger.warn(`lock ${this.name}: connection error (${errorText(error)})`);
    });
    client.on('end', () => {
      this.troubled = true;
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    this.troubled = false;
    await client?.end().catch(() => undefined);
  }
}
