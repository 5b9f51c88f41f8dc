import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore, type PostgresEventStore as EmmettStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, type NewEvent } from '@cctv/event-store';
import type { Pool } from 'pg';
import type { BenchConfig } from '../support/config';
import { concurrently, timed } from '../support/clock';
import type { FreshDatabase } from '../support/database';
import { rawEventTableDdl, rawInsertSql } from '../support/event-table';
import type { Figure } from '../support/figures';
import { fileOpenedEvent } from '../support/sample-events';
import { ratio, round, spread, type Spread } from '../support/stats';

type Contender = 'ours' | 'raw' | 'emmett';
/** Appends `events` to a new stream. */
type Append = (streamId: string, events: readonly NewEvent[]) => Promise<void>;

const SINGLE_WRITERS = 16;
const BATCH_WRITERS = 4;
const BATCH_SIZE = 100;

/**
 * Appends through our PostgresEventStore, through raw INSERTs into a table of
 * the same shape, and through Emmett's PostgreSQL event store — each on its
 * own pool of the same size in the same fresh database, runs interleaved so
 * that background load falls on all three alike.
 */
export async function appendsStage(config: BenchConfig, db: FreshDatabase): Promise<Figure[]> {
  const poolSize = SINGLE_WRITERS;
  const oursPool = db.pool(poolSize);
  const rawPool = db.pool(poolSize);
  const emmettPool = db.pool(poolSize);
  let schemaSeq = 0;

  const oursFresh = async (): Promise<Append> => {
    // BENCH_NOTIFY=0: without the wake-up NOTIFY after appends, to see what it costs.
    const store = new PostgresEventStore(oursPool, `ours_${++schemaSeq}`, { notify: process.env.BENCH_NOTIFY !== '0' });
    await store.ensureSchema();
    return async (streamId, events) => void (await store.appendToStream(streamId, events, 'no_stream'));
  };
  const rawFresh = async (): Promise<Append> => {
    const schema = `raw_${++schemaSeq}`;
    await rawPool.query(rawEventTableDdl(schema));
    const single = `INSERT INTO "${schema}".events (stream_id, stream_version, event_id, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
    const batch = rawInsertSql(schema);
    return async (streamId, events) => {
      if (events.length === 1) {
        const e = events[0];
        await rawPool.query({ name: `raw1_${schema}`, text: single, values: [streamId, 0, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata)] });
        return;
      }
      await rawPool.query({
        name: `rawN_${schema}`,
        text: batch,
        values: [
          events.map(() => streamId),
          events.map((_, i) => i),
          events.map((e) => e.eventId),
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      });
    };
  };
  // Emmett keeps its tables in `public`; it truncates them between runs instead of a new schema.
  const emmett: EmmettStore = getPostgreSQLEventStore(db.url, { connectionOptions: { pool: emmettPool } });
  await emmett.schema.migrate();
  const emmettFresh = async (): Promise<Append> => {
    await emmett.schema.dangerous.truncate({ resetSequences: true });
    return async (streamId, events) => {
      await emmett.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata as unknown as Record<string, unknown> })),
        { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' },
      );
    };
  };
  const fresh: Record<Contender, () => Promise<Append>> = { ours: oursFresh, raw: rawFresh, emmett: emmettFresh };

  const measure = async (contender: Contender, writers: number, perAppend: number, totalEvents: number): Promise<number> => {
    const append = await fresh[contender]();
    // Warm-up: connections, prepared statements, Emmett's first-use checks.
    await concurrently(writers, perAppend > 1 ? writers : writers * 4, async () => append(`warm-${randomUUID()}`, eventsFor(perAppend)));
    const appends = Math.ceil(totalEvents / perAppend);
    const prepared = Array.from({ length: appends }, () => eventsFor(perAppend));
    const { seconds } = await timed(() => concurrently(writers, appends, (i) => append(`file-${randomUUID()}`, prepared[i])));
    return (appends * perAppend) / seconds;
  };

  const series = async (writers: number, perAppend: number, total: number) => {
    const runs: Record<Contender, number[]> = { ours: [], raw: [], emmett: [] };
    for (let run = 0; run < config.runs; run++) {
      for (const contender of ['ours', 'raw', 'emmett'] as const) runs[contender].push(await measure(contender, writers, perAppend, total));
    }
    return { ours: spread(runs.ours), raw: spread(runs.raw), emmett: spread(runs.emmett) };
  };

  const single = await series(SINGLE_WRITERS, 1, config.sizes.singleAppends);
  const batch = await series(BATCH_WRITERS, BATCH_SIZE, config.sizes.batchAppendEvents);
  await emmett.close();
  await dropSchemas(oursPool, schemaSeq);

  const rawOf = (s: { ours: Spread; raw: Spread; emmett: Spread }, writers: number, perAppend: number, total: number) => ({
    writers,
    eventsPerAppend: perAppend,
    eventsPerRun: total,
    oursEventsPerSec: rounded(s.ours),
    rawEventsPerSec: rounded(s.raw),
    emmettEventsPerSec: rounded(s.emmett),
  });
  const singleRaw = rawOf(single, SINGLE_WRITERS, 1, config.sizes.singleAppends);
  const batchRaw = rawOf(batch, BATCH_WRITERS, BATCH_SIZE, config.sizes.batchAppendEvents);
  return [
    { name: 'appendSingleVsRaw', unit: '×', value: ratio(single.ours, single.raw), target: { op: '>=', value: 0.7 }, raw: singleRaw },
    { name: 'appendSingleVsEmmett', unit: '×', value: ratio(single.ours, single.emmett), target: { op: '>=', value: 1.5 }, raw: singleRaw },
    { name: 'appendSingleEventsPerSec', unit: 'events/s', value: single.ours, raw: singleRaw },
    { name: 'appendBatchVsRaw', unit: '×', value: ratio(batch.ours, batch.raw), target: { op: '>=', value: 0.8 }, raw: batchRaw },
    { name: 'appendBatchVsEmmett', unit: '×', value: ratio(batch.ours, batch.emmett), raw: batchRaw },
    { name: 'appendBatchEventsPerSec', unit: 'events/s', value: batch.ours, raw: batchRaw },
  ];
}

const eventsFor = (n: number): NewEvent[] => {
  const fileId = randomUUID();
  return Array.from({ length: n }, (_, i) => fileOpenedEvent(fileId, i));
};

const rounded = (s: Spread) => ({ median: round(s.median, 0), min: round(s.min, 0), max: round(s.max, 0), runs: s.runs.map((r) => round(r, 0)) });

async function dropSchemas(pool: Pool, upTo: number): Promise<void> {
  for (let i = 1; i <= upTo; i++) await pool.query(`DROP SCHEMA IF EXISTS "ours_${i}" CASCADE; DROP SCHEMA IF EXISTS "raw_${i}" CASCADE`);
}
