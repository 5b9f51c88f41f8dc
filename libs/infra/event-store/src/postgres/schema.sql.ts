import { quoteSchema } from './sql';

/**
 * The tables of one service's event store. `tx` records the writing
 * transaction so that followers can read the log in an order that no
 * late-committing writer can insert into (see `readAll`).
 */
export function schemaDdl(schema: string): string {
  const s = quoteSchema(schema);
  return `
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.events (
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
    CREATE INDEX IF NOT EXISTS events_tx_position ON ${s}.events (tx, position);
    CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
      name       text        PRIMARY KEY,
      position   text,
      updated_at timestamptz NOT NULL DEFAULT now()
    );`;
}
