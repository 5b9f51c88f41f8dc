import { EVENT_COLUMNS, EVENT_COLUMNS_EXCEPT } from './event-row';
import { quoteSchema } from './sql';

export function readStreamSql(schema: string): string {
  return `SELECT ${EVENT_COLUMNS} FROM ${quoteSchema(schema)}.events WHERE stream_id = $1 ORDER BY stream_version`;
}

/**
 * Why not simply `position > $last`: a bigserial value is taken when a row is
 * inserted, not when it commits, so a writer holding position 10 can commit
 * after a writer holding 11 — a follower that already moved past 11 would
 * never see 10. Instead the log is ordered by the writing transaction id, and
 * only rows of transactions below a bound no late-committing writer can get
 * under are returned.
 *
 * The bound is the statement snapshot's oldest transaction that may still
 * write to THIS events table, not the oldest running transaction of the whole
 * server (`pg_snapshot_xmin`): with that, any long transaction anywhere — a
 * read model applying a batch, a rebuild, another service's work — held every
 * follower back for as long as it ran (measured: seconds of cross-office
 * latency behind the union's projection batches).
 *
 * Why it is safe: every append is one statement in its own transaction, which
 * locks the table before it gets its transaction id and holds the lock until
 * after its commit is recorded. So a transaction of the snapshot's running
 * list (`xip`) that holds no lock on the table (read first, from `pg_locks`)
 * and is still not committed (asked after, `pg_xact_status`) has written no
 * event and will write none. Every other one bounds the read — including one
 * committed since the snapshot, whose rows this snapshot does not see (a
 * committing writer drops its table lock before its transaction lock, so the
 * lock table alone cannot tell). Transactions that start later get ids at or
 * above the snapshot's `xmax`, the bound when nothing older is running.
 */
export function readAllSql(schema: string, columns: string = EVENT_COLUMNS): string {
  const s = quoteSchema(schema);
  return `
    SELECT ${columns} FROM ${s}.events e
    WHERE e.tx < (
        SELECT least(pg_snapshot_xmax(snap.s), (
          SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x
          WHERE CASE WHEN x::xid = ANY (${nonWritersSql(s)})
                     THEN pg_xact_status(x) IS DISTINCT FROM 'in progress' -- evaluated after the lock table was read
                     ELSE true END
        ))
        FROM (SELECT pg_current_snapshot() AS s) snap
      )
      AND (e.tx, e.position) > ($1::xid8, $2::bigint)
    ORDER BY e.tx, e.position -- qualified: the bare names would sort by the text output columns
    LIMIT $3`;
}

/** The same window, with the bodies of streams starting with $4 left NULL. */
export function readAllExceptSql(schema: string): string {
  return readAllSql(schema, EVENT_COLUMNS_EXCEPT);
}

/** Transaction ids whose owners hold no lock on this events table right now. */
function nonWritersSql(s: string): string {
  return `ARRAY(
            SELECT t.transactionid FROM pg_locks t
            WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted -- its owner, not a waiter
              AND NOT EXISTS (
                SELECT 1 FROM pg_locks r
                WHERE r.locktype = 'relation' AND r.relation = '${s}.events'::regclass
                  AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND r.virtualtransaction = t.virtualtransaction
              )
          )`;
}
