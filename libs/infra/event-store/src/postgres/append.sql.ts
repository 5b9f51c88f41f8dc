import { quoteSchema } from './sql';

/**
 * The append statements. Each is one round trip and one implicit
 * transaction, and writes all of its events or none. The unique constraints
 * on (stream_id, stream_version) and event_id refuse a writer that takes the
 * same versions or ids first; the caller then reads what is stored
 * (`conflictSql`) to tell a retry from a conflict.
 */
export interface AppendStatements {
  /** Expected 'no_stream': the events at versions 0…n-1, or a unique violation. */
  readonly newStream: string;
  /** The same for one event, with scalar parameters (no arrays to build or unnest). */
  readonly newStreamOne: string;
  /**
   * Expected version $7: nothing is written unless version $7 exists, and
   * version $7 + 1 taken already is a unique violation — together, the stream
   * is exactly at $7.
   */
  readonly after: string;
  readonly afterOne: string;
  /** Expected 'any': after whatever version the stream has now. */
  readonly any: string;
}

const COLUMNS = 'stream_id, stream_version, event_id, type, schema_version, data, metadata';
const UNNEST = `unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[])
             WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, ord)`;

export function appendStatements(schema: string): AppendStatements {
  const s = quoteSchema(schema);
  return {
    newStream: `
      INSERT INTO ${s}.events (${COLUMNS})
      SELECT $1, e.ord - 1, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      FROM ${UNNEST}
      ORDER BY e.ord`,
    newStreamOne: `
      INSERT INTO ${s}.events (${COLUMNS})
      VALUES ($1, 0, $2::uuid, $3, $4::int, $5::jsonb, $6::jsonb)`,
    after: `
      INSERT INTO ${s}.events (${COLUMNS})
      SELECT $1, $7::int + e.ord, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      FROM ${UNNEST}
      WHERE EXISTS (SELECT 1 FROM ${s}.events WHERE stream_id = $1 AND stream_version = $7::int)
      ORDER BY e.ord`,
    afterOne: `
      INSERT INTO ${s}.events (${COLUMNS})
      SELECT $1, $7::int + 1, $2::uuid, $3, $4::int, $5::jsonb, $6::jsonb
      WHERE EXISTS (SELECT 1 FROM ${s}.events WHERE stream_id = $1 AND stream_version = $7::int)`,
    any: `
      INSERT INTO ${s}.events (${COLUMNS})
      SELECT $1, c.version + e.ord, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb
      FROM (SELECT coalesce(max(stream_version), -1) AS version FROM ${s}.events WHERE stream_id = $1) c,
           ${UNNEST}
      ORDER BY e.ord
      RETURNING stream_version`,
  };
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
