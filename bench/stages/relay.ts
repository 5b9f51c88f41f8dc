import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { PostgresCheckpointStore, PostgresEventStore } from '@cctv/event-store';
import { encodeEnvelope, KafkaMessageBus, OutboundRelay, PostgresAdvisoryLock } from '@cctv/messaging';
import { toPublicEvent } from '../../apps/union-intake/src/integration/to-public-event';
import { timed } from '../support/clock';
import type { BenchConfig } from '../support/config';
import type { FreshDatabase } from '../support/database';
import type { Figure } from '../support/figures';
import { ratio, round, spread } from '../support/stats';
import { fillWithStories, loadStories } from '../stories/clone-stories';

const BATCH = Number(process.env.BENCH_RELAY_BATCH ?? 200); // the relay's default

/**
 * The union's OutboundRelay draining a log of whole lifecycles to a fresh
 * topic, against a bare kafkajs producer sending the very same messages in the
 * same batches with the same producer settings and acks — the broker's limit.
 */
export async function relayStage(config: BenchConfig, db: FreshDatabase): Promise<Figure[]> {
  const pool = db.pool(4);
  const story = loadStories().union_intake;
  const kafka = new Kafka({ clientId: 'bench-relay', brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const prefix = `bench-relay-${randomBytes(3).toString('hex')}`;
  const topics: string[] = [];
  const freshTopic = async () => {
    const topic = `${prefix}-${topics.length}`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
    topics.push(topic);
    return topic;
  };
  const bus = new KafkaMessageBus({ brokers: config.kafkaBrokers, clientId: 'bench-relay-bus' });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  // Both producers connected and warmed up before anything is timed.
  const warmTopic = await freshTopic();
  await producer.send({ topic: warmTopic, acks: -1, messages: [{ key: 'warm', value: 'up' }] });
  await bus.publishRaw(warmTopic, [{ key: 'warm', value: 'up' }]);
  const ours: number[] = [];
  const raw: number[] = [];
  let published = 0;
  try {
    for (let run = 0; run < config.runs; run++) {
      const schema = `relay_${run}`;
      const store = new PostgresEventStore(pool, schema);
      await store.ensureSchema();
      await fillWithStories(pool, schema, story, config.sizes.relayEvents, 1 + run * 100_000);
      const log = await store.readAll(null, 10_000_000);
      const batches: { key: string; value: string }[][] = [];
      for (let i = 0; i < log.length; i += BATCH) {
        batches.push(log.slice(i, i + BATCH).flatMap((e) => { const p = toPublicEvent(e); return p && !e.streamId.startsWith('inbox-') ? [{ key: p.aggregateId, value: encodeEnvelope(p) }] : []; }));
      }
      published = batches.reduce((n, b) => n + b.length, 0);

      const runOurs = async () => {
        const relayTopic = await freshTopic();
        const relay = new OutboundRelay({
          name: `bench.outbound.${run}`, topic: relayTopic, store, checkpoints: new PostgresCheckpointStore(pool, schema), bus,
          lock: new PostgresAdvisoryLock({ connectionString: db.url }, `bench.outbound.${run}`), toIntegrationEvent: toPublicEvent, batchSize: BATCH,
        });
        const { seconds, result: sent } = await timed(async () => {
          let total = 0;
          for (let round = await relay.relayOnce(); round.read > 0; round = await relay.relayOnce()) total += round.published;
          return total;
        });
        await relay.stop();
        if (sent !== published) throw new Error(`relay published ${sent} of ${published}`);
        return seconds;
      };
      const runRaw = async () => {
        const rawTopic = await freshTopic();
        const { seconds } = await timed(async () => {
          for (const batch of batches) if (batch.length > 0) await producer.send({ topic: rawTopic, acks: -1, messages: batch });
        });
        return seconds;
      };
      // Turn about, so that whatever the broker does between the two falls on each alike.
      const rawSeconds = run % 2 === 1 ? await runRaw() : 0;
      const relaySeconds = await runOurs();
      const rawSecondsAfter = run % 2 === 0 ? await runRaw() : rawSeconds;
      ours.push(published / relaySeconds);
      raw.push(published / rawSecondsAfter);
      await store.close();
    }
  } finally {
    await producer.disconnect();
    await bus.close();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
  const o = spread(ours);
  const r = spread(raw);
  const details = { logEventsPerRun: config.sizes.relayEvents, publishedPerRun: published, batchOfLogEvents: BATCH, acks: -1, relayEventsPerSec: o.runs.map((x) => round(x, 0)), kafkajsEventsPerSec: r.runs.map((x) => round(x, 0)) };
  return [
    { name: 'relayVsKafkajs', unit: '×', value: ratio(o, r), target: { op: '>=', value: 0.8 }, raw: details },
    { name: 'relayEventsPerSec', unit: 'events/s', value: o, raw: details },
  ];
}
