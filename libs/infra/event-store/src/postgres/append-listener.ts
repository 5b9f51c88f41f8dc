import { randomUUID } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/**
 * One LISTEN connection, opened on first use and shared by every waiter.
 * Only a hint that something was appended: waiters also wake on their
 * timeout, so a lost notification or a broken connection delays, never loses.
 * Appends made in this process are heard within `localDelayMs` (`appended()`:
 * the appends of those few milliseconds share one wake-up, so that followers
 * read them as one batch); the notification they also send, for other
 * processes, carries this listener's id and is ignored here.
 */
export class AppendListener {
  private client: Client | null = null;
  private connecting: Promise<Client | null> | null = null;
  private readonly waiters = new Set<(notified: boolean) => void>();
  private closed = false;
  /** Appends heard of so far. */
  private heardOf = 0;
  /** The payload of this process's own notifications. */
  readonly id = randomUUID();
  private localWake: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    /** False: no LISTEN connection; only this process's appends end a wait early. */
    private readonly listen = true,
    private readonly localDelayMs = 2,
  ) {}

  /** This process appended: heard shortly, together with whatever else it appends meanwhile. */
  appended(): void {
    if (this.localWake !== null) return;
    this.localWake = setTimeout(() => {
      this.localWake = null;
      this.heard();
    }, this.localDelayMs);
    this.localWake.unref();
  }

  /** An append was made: ends every wait now. */
  private heard(): void {
    this.heardOf += 1;
    for (const settle of [...this.waiters]) settle(true);
  }

  /** The server process of the listening connection, while there is one. */
  backendPid(): number | null {
    return (this.client as (Client & { processID?: number | null }) | null)?.processID ?? null;
  }

  mark(): number {
    return this.heardOf;
  }

  async wait(timeoutMs: number, since?: number): Promise<boolean> {
    await this.listening();
    if (since !== undefined && since !== this.heardOf) return true;
    return new Promise((resolve) => {
      const settle = (notified: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(settle);
        resolve(notified);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      if (!this.closed) this.waiters.add(settle); // once closed, a plain timeout: callers still poll, never spin
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.localWake !== null) clearTimeout(this.localWake);
    this.localWake = null;
    for (const settle of [...this.waiters]) settle(false);
    const client = this.client ?? (await this.connecting);
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listening(): Promise<boolean> {
    if (this.closed || !this.listen) return false;
    if (this.client) return true;
    this.connecting ??= this.connect();
    const client = await this.connecting;
    this.connecting = null;
    return client !== null;
  }

  private async connect(): Promise<Client | null> {
    const client = new Client(this.config);
    const drop = () => {
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.payload !== this.id) this.heard();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch {
      drop();
      return null;
    }
    if (this.closed) {
      drop();
      return null;
    }
    this.client = client;
    return client;
  }
}
