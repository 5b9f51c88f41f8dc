import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { Story } from './story';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const NUMBERED = /(\d{4})-(\d{6})/g; // file and permit numbers: U-1404-000042, KR-IN-1404-000001
const SERIAL = /KB\d{8}(\d)/g; // the bench's hologram serials

/** The stories captured by the last end-to-end run, else the committed ones. */
export function loadStories(): Record<string, Story> {
  const fresh = join(__dirname, '..', 'results', 'stories.json');
  const file = existsSync(fresh) ? fresh : join(__dirname, '..', 'fixtures', 'stories.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Story>;
}

/**
 * The k-th copy of a story: every id, file or permit number and hologram serial
 * made unique to the copy, everything else (types, shapes, sizes) as captured.
 */
function cloneText(text: string, k: number): string {
  const suffix = k.toString(16).padStart(12, '0');
  return text
    .replace(UUID, (u) => `${u.slice(0, 24)}${suffix}`)
    .replace(NUMBERED, (_m, year: string) => `${year}-${String(k % 1_000_000).padStart(6, '0')}`)
    .replace(SERIAL, (_m, which: string) => `KB${String(k).padStart(8, '0')}${which}`);
}

/**
 * Writes `count` events (rounded to whole stories) into an event store's table:
 * stories in groups of 50 whose events interleave, as concurrent files do.
 * Returns how many were written.
 */
export async function fillWithStories(pool: Pool, schema: string, story: Story, count: number, firstCopy = 1): Promise<number> {
  const template = JSON.stringify(story.events);
  const copies = Math.max(1, Math.ceil(count / story.events.length));
  const GROUP = 50;
  let written = 0;
  let rows: Story['events'][number][] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    await pool.query(
      `INSERT INTO "${schema}".events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])`,
      [
        rows.map((r) => r.streamId), rows.map((r) => r.streamVersion), rows.map((r) => r.eventId), rows.map((r) => r.type),
        rows.map((r) => r.schemaVersion), rows.map((r) => JSON.stringify(r.data)), rows.map((r) => JSON.stringify(r.metadata)),
      ],
    );
    written += rows.length;
    rows = [];
  };
  for (let g = 0; g < copies; g += GROUP) {
    const group = Array.from({ length: Math.min(GROUP, copies - g) }, (_, i) => JSON.parse(cloneText(template, firstCopy + g + i)) as Story['events']);
    for (let e = 0; e < story.events.length; e++) for (const copy of group) rows.push(copy[e]);
    if (rows.length >= 5_000) await flush();
  }
  await flush();
  await pool.query(`ANALYZE "${schema}".events`);
  return written;
}
