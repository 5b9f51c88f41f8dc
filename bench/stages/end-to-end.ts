import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { checklistFor } from '@cctv/secretariat-domain';
import {
  accepted, actorHeaders, call, clerk, inspector, officer, publicPlaceApplication, registrar, unionHead,
} from '../support/applications';
import { concurrently, now, sleep } from '../support/clock';
import type { BenchConfig } from '../support/config';
import type { FreshDatabase } from '../support/database';
import type { Figure } from '../support/figures';
import { latencies, round, spread, type Latencies } from '../support/stats';
import type { Story } from '../stories/story';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServices } = require('../../tools/stack.js') as {
  startServices: (o: object) => Promise<{ urls: Record<string, string>; stop(): Promise<void> }>;
};

const RATES: readonly number[] = [50, 100, 200];
// Diagnostics: BENCH_RATES=200 measures only that rate; BENCH_CROSS_ONLY=1 skips lifecycles and the load run.
const rates = process.env.BENCH_RATES ? process.env.BENCH_RATES.split(',').map(Number) : RATES;
const crossOnly = process.env.BENCH_CROSS_ONLY === '1';
const PORTS = { 'union-intake': 3291, 'secretariat-inspection': 3292, 'permit-issuance': 3293 };
const PREP_CONCURRENCY = 16;
const LIFECYCLE_DRIVERS = 8;
const LOAD_CONNECTIONS = 16;

interface Stack {
  readonly union: string;
  readonly secretariat: string;
  readonly issuance: string;
  readonly db: Client;
  readonly topicPrefix?: string;
  readonly brokers?: string[];
}

/**
 * The three services as processes on a fresh database and topic prefix:
 * cross-office visibility at fixed command rates, whole lifecycles per second,
 * and the union's command throughput under autocannon.
 */
export async function endToEndStage(config: BenchConfig, fresh: FreshDatabase): Promise<Figure[]> {
  const topicPrefix = `bench-${randomBytes(3).toString('hex')}.`;
  const t0 = now();
  const services = await startServices({
    databaseUrl: fresh.url,
    topicPrefix,
    kafkaBrokers: config.kafkaBrokers.join(','),
    ports: PORTS,
    env: { TOPIC_PARTITIONS: '3', ...(process.env.BENCH_PROFILE_DIR ? { NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'cpu-profile.js')}` } : {}) },
    output: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
    timeoutMs: 180_000,
  });
  const startSeconds = (now() - t0) / 1000;
  const db = new Client({ connectionString: fresh.url });
  await db.connect();
  const stack: Stack = { union: services.urls['union-intake'], secretariat: services.urls['secretariat-inspection'], issuance: services.urls['permit-issuance'], db, topicPrefix, brokers: config.kafkaBrokers };
  let seq = Math.floor(Math.random() * 1_000_000);
  const nextSeq = () => seq++;
  try {
    // Warm-up: one whole lifecycle, so every route, consumer group and prepared statement is in place.
    const warm = await lifecycle(stack, nextSeq());
    await saveStories(db, warm);

    const crossOffice: Record<number, Latencies[]> = {};
    for (let run = 0; run < config.runs; run++) {
      for (const rate of rates) {
        (crossOffice[rate] ??= []).push(await crossOfficeAt(stack, rate, config.sizes.crossOfficeSeconds, nextSeq));
        await sleep(500);
      }
    }

    const lifecycleRuns: { perSec: number; completed: number; seconds: number; p50Ms: number }[] = [];
    for (let run = 0; run < (crossOnly ? 0 : config.runs); run++) lifecycleRuns.push(await lifecyclesFor(stack, config.sizes.lifecycleSeconds, nextSeq));

    const loadRuns: { perSec: number; ok: number; other: number; errors: number; p99Ms: number }[] = [];
    for (let run = 0; run < (crossOnly ? 0 : config.runs); run++) {
      loadRuns.push(await openFilesUnderLoad(stack.union, config.sizes.loadSeconds, nextSeq));
      await sleep(1_000);
    }

    const crossRaw = { startSeconds: round(startSeconds, 1), secondsPerRate: config.sizes.crossOfficeSeconds, measuredFrom: 'approve request sent', visibleIn: 'secretariat_inspection.rm_signing_queue', runs: crossOffice };
    const at = (rate: number, pick: (l: Latencies) => number) => spread(crossOffice[rate].map(pick));
    return [
      ...rates.flatMap((rate): Figure[] => [
        { name: `crossOfficeP50Ms@${rate}`, unit: 'ms', value: at(rate, (l) => l.p50), raw: crossRaw },
        { name: `crossOfficeP95Ms@${rate}`, unit: 'ms', value: at(rate, (l) => l.p95), raw: crossRaw },
        { name: rate === 200 ? 'crossOfficeP99Ms' : `crossOfficeP99Ms@${rate}`, unit: 'ms', value: at(rate, (l) => l.p99), target: rate === 200 ? { op: '<', value: 100 } : undefined, raw: crossRaw },
      ]),
      ...(crossOnly ? [] : [
        { name: 'lifecyclesPerSec', unit: 'lifecycles/s', value: spread(lifecycleRuns.map((r) => r.perSec)), raw: { drivers: LIFECYCLE_DRIVERS, secondsPerRun: config.sizes.lifecycleSeconds, runs: lifecycleRuns } },
        { name: 'unionCommandsPerSec', unit: 'commands/s', value: spread(loadRuns.map((r) => r.perSec)), raw: { command: 'POST /files', connections: LOAD_CONNECTIONS, secondsPerRun: config.sizes.loadSeconds, runs: loadRuns } },
      ] as Figure[]),
    ];
  } finally {
    await db.end().catch(() => undefined);
    await services.stop();
    await deleteTopics(config.kafkaBrokers, topicPrefix).catch(() => undefined);
  }
}

/** Opens a file and takes every document through submission and acceptance: ready for the union's decision. */
async function readyForDecision(stack: Stack, n: number): Promise<string> {
  const opened = await accepted('open file', () => call(stack.union, 'POST', '/files', clerk, publicPlaceApplication(n)));
  const fileId = opened.body.fileId as string;
  for (const doc of opened.body.documents as { kind: string }[]) {
    await accepted('submit document', () => call(stack.union, 'POST', `/files/${fileId}/documents/${doc.kind}`, clerk, { reference: `scan/${doc.kind}.pdf` }));
    await accepted('accept document', () => call(stack.union, 'POST', `/files/${fileId}/documents/${doc.kind}/accept`, clerk));
  }
  return fileId;
}

/**
 * Approvals sent at a fixed rate; each one's latency is the time from sending
 * it to its file's row in the secretariat's signing queue (union → Kafka →
 * secretariat inbox → reaction → secretariat event → projection), found by one
 * tight poll of that table for every file still awaited.
 */
async function crossOfficeAt(stack: Stack, rate: number, seconds: number, nextSeq: () => number): Promise<Latencies> {
  const count = Math.max(1, Math.round(rate * seconds));
  const files: string[] = new Array(count);
  await concurrently(PREP_CONCURRENCY, count, async (i) => void (files[i] = await readyForDecision(stack, nextSeq())));
  await quiet(stack.db);

  const sentAt = new Map<string, number>();
  const sentWall = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let sending = true;
  const poller = (async () => {
    const deadline = () => !sending && now() > lastSend + 30_000;
    while (seenAt.size < count && !deadline()) {
      const pending = [...sentAt.keys()].filter((id) => !seenAt.has(id));
      if (pending.length > 0) {
        const { rows } = await stack.db.query<{ fileId: string }>('SELECT "fileId" FROM secretariat_inspection.rm_signing_queue WHERE "fileId" = ANY($1::uuid[])', [pending]);
        const t = now();
        for (const row of rows) seenAt.set(row.fileId, t);
      }
      await sleep(2);
    }
  })();
  let lastSend = now();
  const start = now();
  const approvals: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const fileId = files[i];
    sentAt.set(fileId, now());
    sentWall.set(fileId, Date.now());
    lastSend = now();
    approvals.push(accepted('approve', () => call(stack.union, 'POST', `/files/${fileId}/approve`, unionHead)));
  }
  sending = false;
  await Promise.all(approvals);
  await poller;
  const lags = files.map((id) => (seenAt.get(id) ?? Number.NaN) - sentAt.get(id)!).filter((x) => !Number.isNaN(x));
  if (lags.length < count) throw new Error(`only ${lags.length} of ${count} approvals reached the secretariat's signing queue`);
  const achievedRate = round(count / ((lastSend - start) / 1000 || 1), 1);
  const wallSeen = new Map(files.map((id) => [id, sentWall.get(id)! + (seenAt.get(id)! - sentAt.get(id)!)]));
  const legs = await legsOf(stack.db, files, sentWall, wallSeen);
  if (process.env.BENCH_KAFKA_LEG && stack.topicPrefix !== undefined) Object.assign(legs, await kafkaLegs(stack, files));
  return { ...latencies(lags), rate, achievedRate, legs } as Latencies;
}

/**
 * Where the time goes, from the rows' commit-side timestamps (recorded_at is
 * the writing transaction's start): the union's append, the way through the
 * relay, Kafka and the secretariat's inbox, the reaction that queues the file,
 * and the projection that shows it.
 */
async function legsOf(db: Client, files: string[], sent: Map<string, number>, seen: Map<string, number>) {
  const at = async (sql: string) => {
    const { rows } = await db.query<{ f: string; t: Date }>(sql, [files]);
    return new Map(rows.map((r) => [r.f, r.t.getTime()]));
  };
  const approved = await at(`SELECT data->>'fileId' AS f, recorded_at AS t FROM union_intake.events WHERE type = 'InstallationApproved' AND data->>'fileId' = ANY($1)`);
  const received = await at(`SELECT data->>'aggregateId' AS f, recorded_at AS t FROM secretariat_inspection.events WHERE type = 'union.InstallationApproved.v1' AND data->>'aggregateId' = ANY($1)`);
  const queued = await at(`SELECT data->>'fileId' AS f, recorded_at AS t FROM secretariat_inspection.events WHERE type = 'InstallationQueuedForSigning' AND data->>'fileId' = ANY($1)`);
  const leg = (from: Map<string, number>, to: Map<string, number>) =>
    latencies(files.filter((f) => from.has(f) && to.has(f)).map((f) => to.get(f)! - from.get(f)!));
  return {
    unionAppend: leg(sent, approved),
    relayKafkaInbox: leg(approved, received),
    reaction: leg(received, queued),
    projection: leg(queued, seen),
  };
}

/** Diagnostics only (BENCH_KAFKA_LEG=1): splits the cross-office leg at the message's Kafka timestamp. */
async function kafkaLegs(stack: Stack, files: string[]) {
  const kafka = new Kafka({ clientId: 'bench-diag', brokers: stack.brokers!, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-diag-${randomBytes(3).toString('hex')}` });
  const stamps = new Map<string, number>();
  const wanted = new Set(files);
  await consumer.connect();
  await consumer.subscribe({ topics: [`${stack.topicPrefix}union.files.v1`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const e = JSON.parse(message.value!.toString()) as { type: string; aggregateId: string };
      if (e.type === 'union.InstallationApproved.v1' && wanted.has(e.aggregateId)) stamps.set(e.aggregateId, Number(message.timestamp));
    },
  });
  const deadline = Date.now() + 60_000;
  while (stamps.size < wanted.size && Date.now() < deadline) await sleep(200);
  await consumer.disconnect();
  const at = async (sql: string) => new Map((await stack.db.query<{ f: string; t: Date }>(sql, [files])).rows.map((r) => [r.f, r.t.getTime()]));
  const approved = await at(`SELECT data->>'fileId' AS f, recorded_at AS t FROM union_intake.events WHERE type = 'InstallationApproved' AND data->>'fileId' = ANY($1)`);
  const received = await at(`SELECT data->>'aggregateId' AS f, recorded_at AS t FROM secretariat_inspection.events WHERE type = 'union.InstallationApproved.v1' AND data->>'aggregateId' = ANY($1)`);
  const leg = (from: Map<string, number>, to: Map<string, number>) => latencies(files.filter((f) => from.has(f) && to.has(f)).map((f) => to.get(f)! - from.get(f)!));
  return { relayToKafka: leg(approved, stamps), kafkaToInbox: leg(stamps, received) };
}

/**
 * Waits until the secretariat's log stops growing: what the preparation sent
 * has crossed over, so the measured approvals do not queue behind it.
 */
async function quiet(db: Client): Promise<void> {
  let last = -1;
  for (let i = 0; i < 120; i++) {
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM secretariat_inspection.events');
    if (Number(rows[0].n) === last) return;
    last = Number(rows[0].n);
    await sleep(1_000);
  }
}

/** A public place's file from opening to its main operation permit in the register. Returns the file id. */
async function lifecycle(stack: Stack, n: number): Promise<string> {
  const fileId = await readyForDecision(stack, n);
  await accepted('approve', () => call(stack.union, 'POST', `/files/${fileId}/approve`, unionHead));
  const serial = (k: number) => `KB${String(n).padStart(8, '0')}${k}`;
  await accepted('sign', () => call(stack.secretariat, 'POST', `/files/${fileId}/installation-permit/sign`, officer, { hologramSerial: serial(1) }));
  await accepted('operation request', () =>
    call(stack.secretariat, 'POST', `/files/${fileId}/operation-requests`, officer, { letterNumber: `1404/${n}`, siteAddress: 'مشهد، خیابان امام رضا، فروشگاه نور', contactMobile: '09151234567' }),
  );
  const scheduled = await accepted('schedule inspection', () =>
    call(stack.secretariat, 'POST', `/files/${fileId}/inspections`, officer, { scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), inspectorIds: ['insp-1'] }),
  );
  const findings = checklistFor(false).map((item) => ({ item, passed: true }));
  await accepted('findings', () => call(stack.secretariat, 'POST', `/files/${fileId}/inspections/${scheduled.body.inspectionId}/findings`, inspector, { findings }));
  const granted = await accepted('grant', () => call(stack.secretariat, 'POST', `/files/${fileId}/operation-permit`, officer, { hologramSerial: serial(2) }));
  if (granted.body.kind !== 'main') throw new Error(`expected a main permit, got ${JSON.stringify(granted.body)}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const register = await call(stack.issuance, 'GET', `/permits?fileId=${fileId}`, registrar);
    if ((register.body?.permits as { kind?: string; status: string }[] | undefined)?.some((p) => p.kind === 'main' && p.status === 'valid')) return fileId;
    if (Date.now() > deadline) throw new Error(`main permit of ${fileId} not in the register: ${JSON.stringify(register.body)}`);
    await sleep(20);
  }
}

async function lifecyclesFor(stack: Stack, seconds: number, nextSeq: () => number) {
  const end = now() + seconds * 1000;
  const start = now();
  const durations: number[] = [];
  await Promise.all(
    Array.from({ length: LIFECYCLE_DRIVERS }, async () => {
      while (now() < end) {
        const t = now();
        await lifecycle(stack, nextSeq());
        durations.push(now() - t);
      }
    }),
  );
  const elapsed = (now() - start) / 1000;
  return { perSec: round(durations.length / elapsed, 2), completed: durations.length, seconds: round(elapsed, 1), p50Ms: latencies(durations).p50 };
}

/** autocannon on POST /files, every request a different owner (valid check digits). */
async function openFilesUnderLoad(union: string, seconds: number, nextSeq: () => number) {
  const result = await autocannon({
    url: union,
    connections: LOAD_CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/files',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...actorHeaders(clerk) },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(publicPlaceApplication(nextSeq())) }),
      },
    ],
  });
  const ok = result['2xx'];
  return { perSec: round(ok / seconds, 1), ok, other: result.non2xx, errors: result.errors, p99Ms: result.latency.p99 };
}

/** The captured events of one whole lifecycle, per office: the template the projection bench multiplies. */
async function saveStories(db: Client, fileId: string): Promise<void> {
  const stories: Record<string, Story> = {};
  for (const schema of ['union_intake', 'secretariat_inspection', 'permit_issuance']) {
    const deadline = Date.now() + 10_000;
    let rows: Story['events'] = [];
    // Wait for the last messages of the story to reach every office.
    for (let last = -1; Date.now() < deadline; await sleep(500)) {
      ({ rows } = await db.query(
        `SELECT stream_id AS "streamId", stream_version AS "streamVersion", event_id AS "eventId", type, schema_version AS "schemaVersion", data, metadata
         FROM ${schema}.events WHERE (stream_id || data::text) LIKE '%' || $1 || '%' ORDER BY tx, position`,
        [fileId],
      ));
      if (rows.length === last) break;
      last = rows.length;
    }
    stories[schema] = { schema, fileId, events: rows };
  }
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stories.json'), `${JSON.stringify(stories, null, 1)}\n`);
}

async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
