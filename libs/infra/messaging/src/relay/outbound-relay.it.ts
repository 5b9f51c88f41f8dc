import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import type { ReceivedMessage, Subscription } from '../message-bus.port';
import { CountingBus } from '../testing/counting-bus';
import { domainEvent, fileStream, toTestIntegrationEvent } from '../testing/domain-events';
import { kafkaUnavailable, runNames, testBrokers } from '../testing/kafka-test-setup';
import { pgConfig, testDatabase, type ServiceDb } from '../testing/pg-test-setup';
import { testLogger } from '../testing/test-logger';
import { settle, waitFor } from '../testing/wait-for';
import { OutboundRelay } from './outbound-relay';
import { PostgresAdvisoryLock } from './postgres-advisory-lock';

const unavailable = kafkaUnavailable();
const suite = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`Skipping the relay tests on Kafka and PostgreSQL: ${unavailable}`);

const seqOf = (m: ReceivedMessage) => (JSON.parse(m.value!.toString()) as { data: { seq: number } }).data.seq;
const eventIdOf = (m: ReceivedMessage) => (JSON.parse(m.value!.toString()) as { eventId: string }).eventId;

suite('the outbound relay on PostgreSQL and Kafka', () => {
  const names = runNames();
  const db = testDatabase();
  let bus: KafkaMessageBus;
  const subscriptions: Subscription[] = [];
  const relays: OutboundRelay[] = [];

  beforeAll(() => {
    bus = new KafkaMessageBus({ brokers: testBrokers, clientId: `it-relay-${names.run}`, logger: testLogger('bus') });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
  }, 30_000);

  afterAll(async () => {
    await bus.close();
    await names.deleteTopics();
    await db.dispose();
  }, 30_000);

  const readTopic = async (topic: string) => {
    const received: ReceivedMessage[] = [];
    subscriptions.push(await bus.subscribe({ groupId: names.group(`reader-${topic}`), topics: [topic], handle: async (m) => void received.push(m) }));
    return received;
  };

  const relayFor = (service: ServiceDb, topic: string, name: string, relayBus = bus as KafkaMessageBus | CountingBus, applicationName = name) => {
    const relay = new OutboundRelay({
      name,
      topic,
      store: service.store,
      checkpoints: service.checkpoints,
      bus: relayBus,
      lock: new PostgresAdvisoryLock({ ...pgConfig, application_name: applicationName }, name),
      toIntegrationEvent: toTestIntegrationEvent,
      batchSize: 15,
      idleWaitMs: 200,
      standbyRetryMs: 200,
      retry: { initialMs: 50, maxMs: 500 },
      logger: testLogger(applicationName),
    });
    relays.push(relay);
    return relay;
  };

  it('publishes every public event once, in order per file, and, stopped, leaves its checkpoint at the end of the log', async () => {
    const union = await db.service('msg_union');
    const topic = names.topic('relay-once');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const files = ['f1', 'f2', 'f3', 'f4'];
    for (let seq = 0; seq < 40; seq++) {
      const fileId = files[seq % files.length];
      await union.store.appendToStream(fileStream(fileId), [domainEvent(seq % 5 === 4 ? 'NoteAdded' : 'FileOpened', fileId, seq)], 'any');
    }
    const relay = relayFor(union, topic, `union-intake.outbound.${names.run}.a`);

    let round;
    do round = await relay.relayOnce();
    while (round.read > 0);

    const received = await readTopic(topic);
    await waitFor('32 public events', () => received.length >= 32, 30_000);
    await settle(1_000);
    expect(received).toHaveLength(32);
    expect(new Set(received.map(eventIdOf)).size).toBe(32);
    for (const fileId of files) {
      const seqs = received.filter((m) => m.key === fileId).map(seqOf);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seqs.every((seq) => seq % 5 !== 4)).toBe(true);
    }
    await relay.stop();
    const log = await union.store.readAll(null, 100);
    expect(await union.checkpoints.load(`union-intake.outbound.${names.run}.a`)).toBe(log[log.length - 1].position);
  }, 60_000);

  it('of two running relays with one name only one publishes; when its session dies the other takes over', async () => {
    const union = await db.service('msg_union');
    const topic = names.topic('relay-lead');
    await bus.ensureTopics([{ topic, partitions: 3 }]);
    const name = `union-intake.outbound.${names.run}.b`;
    const busA = new CountingBus(bus);
    const busB = new CountingBus(bus);
    const a = relayFor(union, topic, name, busA, `it-relay-a-${names.run}`);
    a.start();
    await waitFor('a to lead', async () => (await db.pool.query(`SELECT 1 FROM pg_locks l JOIN pg_stat_activity s USING (pid) WHERE l.locktype = 'advisory' AND s.application_name = $1`, [`it-relay-a-${names.run}`])).rowCount === 1, 10_000);
    const b = relayFor(union, topic, name, busB, `it-relay-b-${names.run}`);
    b.start();

    for (let seq = 0; seq < 10; seq++) await union.store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');
    await waitFor('ten published', () => busA.published.length + busB.published.length >= 10, 20_000);
    await settle(1_000);
    expect(busA.published).toHaveLength(10);
    expect(busB.published).toHaveLength(0);

    // The leader's database session ends as it would if its process died.
    await db.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`it-relay-a-${names.run}`]);
    for (let seq = 10; seq < 15; seq++) await union.store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');

    await waitFor('b to publish the rest', () => busB.published.length >= 5, 20_000);
    const received = await readTopic(topic);
    await waitFor('all fifteen on the topic', () => new Set(received.map(eventIdOf)).size === 15, 30_000);
    expect(received.map(seqOf)).toEqual([...Array(15).keys()]);
  }, 90_000);
});
