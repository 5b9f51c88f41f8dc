import { quoteSchema } from './sql';

/**
 * One round trip, one implicit transaction: read the stream's version, check
 * it against the expected one ($7, NULL for 'any') and insert every event
 * from parallel arrays. `already_stored` lets a refused append tell a plain
 * version conflict from a retry without another round trip.
 * A concurrent writer that takes the same versions first makes this statement
 * fail on the (stream_id, stream_version) unique constraint.
 */
export function appendSql(schema: string): string {
  const s = quoteSchema(schema);
  return `
    WITH current_version AS (
      SELECT coalesce(max(stream_version), -1) AS version FROM ${s}.events WHERE stream_id = $1
    ), inserted AS (
      INSERT INTO ${s}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
      SELECT $1, c.version + e.ord, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      FROM current_version c,
           unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[])
             WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, ord)
      WHERE $7::int IS NULL OR c.version = $7::int
      ORDER BY e.ord
      RETURNING 1
    )
    SELECT c.version AS before,
           (SELECT count(*) FROM inserted)::int AS written,
           (SELECT count(*) FROM ${s}.events WHERE event_id = ANY($2::uuid[]))::int AS already_stored
    FROM current_version c`;
}

/** After a refused append: the stream's version now, and where any of the ids are already stored. */
export function conflictSql(schema: string): string {
  const s = quoteSchema(schema);
  return `
    SELECT (SELECT coalesce(max(stream_version), -1) FROM ${s}.events WHERE stream_id = $1) AS version,
           coalesce(
             (SELECT json_agg(json_build_object('eventId', event_id, 'streamId', stream_id, 'streamVersion', stream_version))
              FROM ${s}.events WHERE event_id = ANY($2::uuid[])),
             '[]') AS stored`;
}

export function streamVersionSql(schema: string): string {
  return `SELECT coalesce(max(stream_version), -1) AS version FROM ${quoteSchema(schema)}.events WHERE stream_id = $1`;
}
