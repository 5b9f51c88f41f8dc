import { schemaDdl } from '@cctv/event-store';

/**
 * For the raw-INSERT baseline: the event store's own tables (columns, keys,
 * indexes), so the baseline has the same shape by construction.
 */
export const rawEventTableDdl = (schema: string): string => schemaDdl(schema);

/** Plain multi-row INSERT from parallel arrays: one statement, one implicit transaction. */
export function rawInsertSql(schema: string): string {
  return `
    INSERT INTO "${schema}".events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
    SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])`;
}
