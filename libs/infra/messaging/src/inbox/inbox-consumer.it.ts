import type { LogPosition } from '@cctv/event-store';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import type { ReceivedMessage, Subscription } from '../message-bus.port';
import { OutboundRelay } from '../relay/outbound-relay';
import { PostgresAdvisoryLock } from '../relay/postgres-advisory-lock';
import { domainEvent, fileStream, toTestIntegrationEvent } from '../testing/domain-events';
import { kafkaUnavailable, runNames, testBrokers } from '../testing/kafka-test-setup';
import { pgConfig, testDatabase } from '../testing/pg-test-setup';
import { sampleEvent } from '../testing/sample-event';
import { testLogger } from '../testing/test-logger';
import { settle, waitFor } from '../testing/wait-for';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { InboxConsumer } from './inbox-consumer';
import { inboxStreamId } from './inbox-event';

const unavailable = kafkaUnavailable();
const suite = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`Skipping the inbox tests on Kafka and PostgreSQL: ${unavailable}`);

suite('the inbox consumer on Kafka and PostgreSQL', () => {
  const names = runNames();
  const db = testDatabase();
  let bus: KafkaMessageBus;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(() => {
    bus = new KafkaMessageBus({ brokers: testBrokers, clientId: `it-inbox-${names.run}`, retry: { initialMs: 50, maxMs: 500 }, logger: testLogger('bus') });
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  }, 30_000);

  afterAll(async () => {
    await bus.close();
    await names.deleteTopics();
    await db.dispose();
  }, 30_000);

  const startInbox = async (options: ConstructorParameters<typeof InboxConsumer>[0]) => {
    const inbox = new InboxConsumer(options);
    await inbox.start();
    stops.push(() => inbox.stop());
    return inbox;
  };

  const readTopic = async (topic: string): Promise<ReceivedMessage[]> => {
    const received: ReceivedMessage[] = [];
    const subscription: Subscription = await bus.subscribe({
      groupId: names.group(`reader-${topic}`),
      topics: [topic],
      handle: async (m) => void received.push(m),
    });
    stops.push(() => subscription.stop());
    return received;
  };

  it('a relay killed before its checkpoint publishes again after restart, and the inbox still holds each event once', async () => {
    const union = await db.service('msg_union');
    const secretariat = await db.service('msg_secr');
    const topic = names.topic('files');
    const dlq = names.topic('secretariat-dlq');
    await bus.ensureTopics([{ topic, partitions: 3 }, { topic: dlq, partitions: 1 }]);
    const files = ['f1', 'f2', 'f3'];
    for (let seq = 0; seq < 12; seq++) {
      await union.store.appendToStream(fileStream(files[seq % 3]), [domainEvent('FileOpened', files[seq % 3], seq)], 'any');
    }

    const name = `union-intake.outbound.${names.run}`;
    const relay = (crashBeforeCheckpoint: boolean) =>
      new OutboundRelay({
        name,
        topic,
        store: union.store,
        checkpoints: crashBeforeCheckpoint
          ? {
              load: (n: string) => union.checkpoints.load(n),
              save: async (_n: string, _p: LogPosition | null) => {
                throw new Error('killed before the checkpoint was saved');
              },
            }
          : union.checkpoints,
        bus,
        lock: new PostgresAdvisoryLock(pgConfig, name),
        toIntegrationEvent: toTestIntegrationEvent,
        batchSize: 8,
      });

    const doomed = relay(true);
    await expect(doomed.relayOnce()).rejects.toThrow('killed');
    await doomed.stop(); // its session, and so its lock, end with the process
    const restarted = relay(false);
    while ((await restarted.relayOnce()).read > 0);
    await restarted.stop();

    const onTopic = await readTopic(topic);
    await waitFor('the first batch twice and the rest once', () => onTopic.length >= 20, 30_000);

    await startInbox({
      service: 'secretariat-inspection',
      groupId: names.group('secretariat-inspection'),
      deadLetterTopic: dlq,
      topics: [topic],
      bus,
      store: secretariat.store,
      logger: testLogger('inbox'),
    });
    const inboxEvents = async () => (await Promise.all(files.map((f) => secretariat.store.readStream(inboxStreamId({ source: 'union-intake', aggregateId: f }))))).flatMap((s) => s.events);
    await waitFor('twelve inbox events', async () => (await inboxEvents()).length >= 12, 30_000);
    await settle(1_500);

    const stored = await inboxEvents();
    const published = (await union.store.readStream(fileStream('f1'))).events.concat(
      (await union.store.readStream(fileStream('f2'))).events,
      (await union.store.readStream(fileStream('f3'))).events,
    );
    expect(onTopic).toHaveLength(20);
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((e) => e.eventId))).toEqual(new Set(published.map((e) => e.eventId)));
    for (const f of files) {
      const { events } = await secretariat.store.readStream(inboxStreamId({ source: 'union-intake', aggregateId: f }));
      const seqs = events.map((e) => (e.data as { data: { seq: number } }).data.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  }, 90_000);

  it('a poison message goes to the dead-letter topic, and the next message on its partition is still stored', async () => {
    const secretariat = await db.service('msg_secr');
    const topic = names.topic('poison');
    const dlq = names.topic('poison-dlq');
    await bus.ensureTopics([{ topic, partitions: 1 }, { topic: dlq, partitions: 1 }]);
    const good = sampleEvent('f9', 1);
    await bus.publishRaw(topic, [{ key: 'f9', value: '{"eventId": "half a message' }]);
    await bus.publish(topic, [{ key: 'f9', value: good }]);

    const deadLetters = await readTopic(dlq);
    await startInbox({
      service: 'secretariat-inspection',
      groupId: names.group('secretariat-inspection'),
      deadLetterTopic: dlq,
      topics: [topic],
      bus,
      store: secretariat.store,
      logger: testLogger('inbox'),
    });

    const stream = inboxStreamId(good);
    await waitFor('the good event stored', async () => (await secretariat.store.readStream(stream)).events.length === 1, 30_000);
    await waitFor('the dead letter', () => deadLetters.length === 1, 30_000);

    expect((await secretariat.store.readStream(stream)).events[0].eventId).toBe(good.eventId);
    expect(deadLetters[0].value!.toString()).toBe('{"eventId": "half a message');
    expect(deadLetters[0].headers).toMatchObject({
      [DEAD_LETTER_HEADERS.sourceTopic]: topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: '0',
      [DEAD_LETTER_HEADERS.sourceOffset]: '0',
      [DEAD_LETTER_HEADERS.reason]: 'the value is not valid JSON',
    });
  }, 90_000);
});
