import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type LogPosition } from '@cctv/event-store';
import { fillWithFileOpenings } from '../support/bulk-fill';
import { now, timed } from '../support/clock';
import type { BenchConfig } from '../support/config';
import type { FreshDatabase } from '../support/database';
import type { Figure } from '../support/figures';
import { fileOpenedEvent } from '../support/sample-events';
import { latencies, round, spread, type Latencies } from '../support/stats';

const READ_BATCH = 500; // what the services' runners use
const WRITERS = 16;

/**
 * A follower reading the global log with `readAll`: first how fast it goes
 * through a big log from position zero, then how far it trails while 16
 * writers append one event per new stream.
 */
export async function followerStage(config: BenchConfig, db: FreshDatabase): Promise<Figure[]> {
  const pool = db.pool(WRITERS + 2);
  const store = new PostgresEventStore(pool, 'follow');
  await store.ensureSchema();
  const { seconds: fillSeconds } = await timed(() => fillWithFileOpenings(pool, 'follow', config.sizes.followerEvents));

  const readRuns: number[] = [];
  for (let run = 0; run < config.runs; run++) {
    const { seconds, result: read } = await timed(async () => {
      let after: LogPosition | null = null;
      let total = 0;
      for (;;) {
        const events = await store.readAll(after, READ_BATCH);
        if (events.length === 0) return total;
        total += events.length;
        after = events[events.length - 1].position;
      }
    });
    if (read !== config.sizes.followerEvents) throw new Error(`the follower read ${read} events of ${config.sizes.followerEvents}`);
    readRuns.push(read / seconds);
  }

  const lagRuns: Latencies[] = [];
  const head = await headOf(store);
  let after = head;
  for (let run = 0; run < config.runs; run++) {
    const result = await lagWhileWriting(store, after, config.sizes.lagSeconds * 1000);
    after = result.after;
    lagRuns.push(result.lag);
  }
  await store.close();

  const rawRead = { events: config.sizes.followerEvents, readBatch: READ_BATCH, fillSeconds: round(fillSeconds, 1), eventsPerSecRuns: readRuns.map((r) => round(r, 0)) };
  const rawLag = { writers: WRITERS, secondsPerRun: config.sizes.lagSeconds, runs: lagRuns };
  return [
    { name: 'followerEventsPerSec', unit: 'events/s', value: spread(readRuns), raw: rawRead },
    { name: 'followerLagP50Ms', unit: 'ms', value: spread(lagRuns.map((l) => l.p50)), raw: rawLag },
    { name: 'followerLagP99Ms', unit: 'ms', value: spread(lagRuns.map((l) => l.p99)), raw: rawLag },
  ];
}

async function headOf(store: PostgresEventStore): Promise<LogPosition | null> {
  let after: LogPosition | null = null;
  for (;;) {
    const events = await store.readAll(after, 10_000);
    if (events.length === 0) return after;
    after = events[events.length - 1].position;
  }
}

/**
 * Lag of one event = when the follower first holds it − when its writer's
 * append returned (0 if the follower saw it first). The follower waits on the
 * store's append notifications as the services' runners do.
 */
async function lagWhileWriting(store: PostgresEventStore, from: LogPosition | null, ms: number) {
  const ackedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const lags: number[] = [];
  let writing = true;
  let written = 0;
  const writers = Array.from({ length: WRITERS }, async () => {
    while (writing) {
      const event = fileOpenedEvent(randomUUID(), written++);
      await store.appendToStream(`file-${event.data && (event.data as { fileId: string }).fileId}`, [event], 'no_stream');
      const t = now();
      const seen = seenAt.get(event.eventId);
      if (seen === undefined) ackedAt.set(event.eventId, t);
      else lags.push(Math.max(0, seen - t));
    }
  });
  let after = from;
  let read = 0;
  const follower = (async () => {
    for (;;) {
      const events = await store.readAll(after, READ_BATCH);
      const t = now();
      for (const e of events) {
        const acked = ackedAt.get(e.eventId);
        if (acked === undefined) seenAt.set(e.eventId, t);
        else lags.push(t - acked);
        ackedAt.delete(e.eventId);
      }
      read += events.length;
      if (events.length > 0) after = events[events.length - 1].position;
      else if (!writing && read >= written) return;
      else await store.waitForAppend(20);
    }
  })();
  await new Promise((r) => setTimeout(r, ms));
  writing = false;
  await Promise.all(writers);
  await follower;
  return { after, lag: { ...latencies(lags), written, appendsPerSec: round(written / (ms / 1000), 0) } };
}
