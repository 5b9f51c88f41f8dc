import type { LockingCheckpointStore } from '../checkpoint-store.port';
import type { LogPosition } from '../event-store.port';
import { quoteSchema, rowsOf, type SqlExecutor } from './sql';

/**
 * Checkpoints in the service's schema, next to its events and read models,
 * so a projection saves its checkpoint in the same transaction as its writes.
 */
export class PostgresCheckpointStore implements LockingCheckpointStore<SqlExecutor> {
  private readonly table: string;

  constructor(
    private readonly db: SqlExecutor,
    schema: string,
  ) {
    this.table = `${quoteSchema(schema)}.checkpoints`;
  }

  async load(name: string, tx: SqlExecutor = this.db): Promise<LogPosition | null> {
    const rows = rowsOf<{ position: string | null }>(await tx.query(`SELECT position FROM ${this.table} WHERE name = $1`, [name]));
    return rows[0]?.position ?? null;
  }

  /**
   * Loads the checkpoint and locks its row until `tx` ends: a second worker
   * doing the same waits, then sees the position this one saved — so a batch
   * is never applied twice, even by two processes that both believe they run.
   */
  async loadForUpdate(name: string, tx: SqlExecutor): Promise<LogPosition | null> {
    // One round trip: the upsert creates the row if missing and otherwise locks it (as FOR UPDATE
    // would, waiting for another holder and then answering with what that holder committed).
    const rows = rowsOf<{ position: string | null }>(
      await tx.query(
        `INSERT INTO ${this.table} (name, position) VALUES ($1, NULL)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
         RETURNING position`,
        [name],
      ),
    );
    return rows[0]?.position ?? null;
  }

  /**
   * One statement: the update locks the row (waiting for another holder, then
   * judging by what that one committed); a missing row is created only when
   * `from` is null, and a concurrent creator wins the race for it.
   */
  async advance(name: string, from: LogPosition | null, to: LogPosition, tx: SqlExecutor): Promise<boolean> {
    const rows = rowsOf<{ moved: number }>(
      await tx.query(
        `WITH moved AS (
           UPDATE ${this.table} SET position = $3, updated_at = now()
           WHERE name = $1 AND position IS NOT DISTINCT FROM $2::text
           RETURNING 1
         ), created AS (
           INSERT INTO ${this.table} (name, position, updated_at)
           SELECT $1, $3, now()
           WHERE $2::text IS NULL AND NOT EXISTS (SELECT 1 FROM moved) AND NOT EXISTS (SELECT 1 FROM ${this.table} WHERE name = $1)
           ON CONFLICT (name) DO NOTHING
           RETURNING 1
         )
         SELECT ((SELECT count(*) FROM moved) + (SELECT count(*) FROM created))::int AS moved`,
        [name, from, to],
      ),
    );
    return rows[0]?.moved === 1;
  }

  async save(name: string, position: LogPosition | null, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.table} (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [name, position],
    );
  }

  /**
   * One statement, its own transaction, committed without waiting for the WAL
   * to reach the disk (synchronous_commit off for this transaction only: the
   * commit reads the setting before the transaction's settings are undone).
   */
  async saveRelaxed(name: string, position: LogPosition | null): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.table} (name, position, updated_at)
       SELECT $1, $2, now() FROM (SELECT set_config('synchronous_commit', 'off', true)) relaxed
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [name, position],
    );
  }
}
