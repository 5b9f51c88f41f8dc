import type { Pool } from 'pg';
import { fileOpenedEvent } from './sample-events';

/**
 * Fills an event store's table with `count` one-event streams generated inside
 * PostgreSQL (the fastest way to get a big log), in chunks so that the log
 * spans many transactions as a real one does.
 */
export async function fillWithFileOpenings(pool: Pool, schema: string, count: number, chunk = 50_000): Promise<void> {
  const sample = fileOpenedEvent('00000000-0000-0000-0000-000000000000', 0);
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from);
    await pool.query(
      `INSERT INTO "${schema}".events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       SELECT 'file-' || id, 0, gen_random_uuid(), 'FileOpened', 1, jsonb_set($1::jsonb, '{fileId}', to_jsonb(id::text)), $2::jsonb
       FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $3::int)) g`,
      [JSON.stringify(sample.data), JSON.stringify(sample.metadata), n],
    );
  }
  await pool.query(`ANALYZE "${schema}".events`);
}
