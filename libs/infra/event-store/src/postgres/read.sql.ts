import { EVENT_COLUMNS } from './event-row';
import { quoteSchema } from './sql';

export function readStreamSql(schema: string): string {
  return `SELECT ${EVENT_COLUMNS} FROM ${quoteSchema(schema)}.events WHERE stream_id = $1 ORDER BY stream_version`;
}

/**
 * Why not simply `position > $last`: a bigserial value is taken when a row is
 * inserted, not when it commits, so a writer holding position 10 can commit
 * after a writer holding 11 — a follower that already moved past 11 would
 * never see 10. Instead the log is ordered by the writing transaction id, and
 * only rows of transactions older than the oldest one still running
 * (`pg_snapshot_xmin`) are returned. Any writer that commits later has a
 * transaction id at or above that bound, so it sorts after everything already
 * read. The cost: one long-running transaction anywhere in the database holds
 * followers back until it ends (they wait; they never skip).
 */
export function readAllSql(schema: string): string {
  return `
    SELECT ${EVENT_COLUMNS} FROM ${quoteSchema(schema)}.events e
    WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
      AND (e.tx, e.position) > ($1::xid8, $2::bigint)
    ORDER BY e.tx, e.position -- qualified: the bare names would sort by the text output columns
    LIMIT $3`;
}
