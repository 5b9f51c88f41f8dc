import type { PGlite } from '@electric-sql/pglite';

/** Extended-query messages that PostgreSQL answers as one unit only once Sync follows. */
const UNTIL_SYNC = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

interface Batch {
  readonly handlerId: number;
  readonly messages: Uint8Array[];
  readonly onData: (data: Uint8Array) => void;
  readonly done: Array<{ resolve: (bytes: number) => void; reject: (error: unknown) => void }>;
}

/**
 * The order in which PGlite's single backend serves the socket's connections.
 *
 * pglite-socket's own queue takes turns message by message, and sticks to one
 * connection only inside an explicit transaction. A parameterised query is
 * several messages (Parse, Bind, Describe, Execute, then Sync); taken in turns
 * with another connection's, the second Parse replaces the first's unnamed
 * statement and the first Bind runs someone else's SQL. This queue keeps a
 * connection's messages up to its Sync (or simple Query) together and serves
 * them as one turn; inside a transaction it still serves only the connection
 * that opened it. Same methods as the socket's queue, which it replaces.
 */
export class SyncBoundQueryQueue {
  private readonly open = new Map<number, Batch>();
  private ready: Batch[] = [];
  private processing = false;
  private lastHandlerId: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const batch = this.open.get(handlerId) ?? { handlerId, messages: [], onData, done: [] };
      batch.messages.push(message);
      if (UNTIL_SYNC.has(message[0])) {
        // Its answer comes with the rest of the unit; let the connection send the next message.
        this.open.set(handlerId, batch);
        resolve(0);
        return;
      }
      this.open.delete(handlerId);
      batch.done.push({ resolve, reject });
      this.ready.push({ ...batch, onData });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.ready.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.open.delete(handlerId);
    this.ready = this.ready.filter((batch) => {
      if (batch.handlerId !== handlerId) return true;
      for (const d of batch.done) d.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection that leaves inside a transaction leaves it rolled back. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.db.isInTransaction() && this.lastHandlerId === handlerId) {
      await this.db.exec('ROLLBACK');
      this.lastHandlerId = null;
      await this.process();
    }
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.ready.length > 0) {
        let index = 0;
        if (this.db.isInTransaction() && this.lastHandlerId !== null) {
          // Only the connection inside the transaction may go on; the others wait for its COMMIT or ROLLBACK.
          index = this.ready.findIndex((b) => b.handlerId === this.lastHandlerId);
          if (index === -1) break;
        }
        const [batch] = this.ready.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(async () => {
            for (const message of batch.messages) {
              await this.db.execProtocolRawStream(message, {
                onRawData: (data) => {
                  bytes += data.length;
                  batch.onData(data);
                },
              });
            }
          });
        } catch (error) {
          for (const d of batch.done) d.reject(error);
          continue;
        }
        this.lastHandlerId = batch.handlerId;
        for (const d of batch.done) d.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
