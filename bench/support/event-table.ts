/**
 * A table of the same shape as the event store's (columns, keys, indexes),
 * for the raw-INSERT baseline: what PostgreSQL itself allows for the same rows.
 */
export function rawEventTableDdl(schema: string): string {
  return `
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE "${schema}".events (
      position       bigserial   PRIMARY KEY,
      tx             xid8        NOT NULL DEFAULT pg_current_xact_id(),
      stream_id      text        NOT NULL,
      stream_version int         NOT NULL,
      event_id       uuid        NOT NULL,
      type           text        NOT NULL,
      schema_version int         NOT NULL,
      data           jsonb       NOT NULL,
      metadata       jsonb       NOT NULL,
      recorded_at    timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT events_event_id_unique UNIQUE (event_id),
      CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
    );
    CREATE INDEX events_tx_position ON "${schema}".events (tx, position);`;
}

/** Plain multi-row INSERT from parallel arrays: one statement, one implicit transaction. */
export function rawInsertSql(schema: string): string {
  return `
    INSERT INTO "${schema}".events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
    SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])`;
}
