import type { IntegrationEvent } from '@cctv/contracts';
import { InMemoryEventStore, type AppendResult, type ExpectedVersion, type NewEvent } from '@cctv/event-store';
import { InProcessBus } from '../in-process/in-process-bus';
import type { MessagingLogger } from '../logger';
import type { ReceivedMessage } from '../message-bus.port';
import { sampleEvent } from '../testing/sample-event';
import { waitFor } from '../testing/wait-for';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { InboxConsumer, type InboxConsumerOptions } from './inbox-consumer';
import { PermanentMessageError } from './permanent-message.error';
import { publishedSchemaCheck } from './published-schema-check';

const TOPIC = 'union.files.v1';
const DLQ = 'secretariat-inspection.dlq';

class UnsteadyStore extends InMemoryEventStore {
  outages = 0;

  override async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (this.outages > 0) {
      this.outages -= 1;
      throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    }
    return super.appendToStream(streamId, events, expected);
  }
}

const received = (value: Buffer | string | null, offset = '7'): ReceivedMessage => ({
  topic: TOPIC,
  partition: 2,
  offset,
  key: 'file-1',
  value: value === null ? null : Buffer.from(value),
  headers: { trace: 't-1' },
});

const asMessage = (event: IntegrationEvent, offset = '7') => received(JSON.stringify(event), offset);

function setup(options: Partial<InboxConsumerOptions> = {}) {
  const store = new UnsteadyStore();
  const bus = new InProcessBus({ retry: { initialMs: 5, maxMs: 20 } });
  const lines: string[] = [];
  const logger: MessagingLogger = { log: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) };
  const inbox = new InboxConsumer({ service: 'secretariat-inspection', topics: [TOPIC], bus, store, logger, ...options });
  const deadLetters: ReceivedMessage[] = [];
  const watchDeadLetters = () => bus.subscribe({ groupId: 'dlq-reader', topics: [DLQ], handle: async (m) => void deadLetters.push(m) });
  return { store, bus, inbox, lines, deadLetters, watchDeadLetters };
}

describe('the inbox consumer', () => {
  it('stores a received event in its own log: stream inbox-{source}-{aggregateId}, same id and type, the envelope as data', async () => {
    const { store, inbox } = setup();
    const event = sampleEvent('file-1', 1);

    const outcome = await inbox.handle(asMessage(event));

    expect(outcome).toEqual({ kind: 'stored', eventId: event.eventId, streamId: 'inbox-union-intake-file-1' });
    const { events } = await store.readStream('inbox-union-intake-file-1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventId: event.eventId, type: event.type, schemaVersion: 1, data: event });
    expect(events[0].metadata).toEqual({
      occurredAt: event.occurredAt,
      correlationId: event.correlationId,
      causationId: event.causationId,
      actor: event.actor,
    });
  });

  it('a redelivered event has one effect', async () => {
    const { store, inbox } = setup();
    const event = sampleEvent('file-1', 1);

    await inbox.handle(asMessage(event, '7'));
    const again = await inbox.handle(asMessage(event, '7'));

    expect(again.kind).toBe('duplicate');
    expect(await store.readAll(null, 10)).toHaveLength(1);
  });

  it('a value that is not JSON goes to the dead-letter topic unchanged, with where it came from and why', async () => {
    const { inbox, deadLetters, watchDeadLetters } = setup();
    await watchDeadLetters();

    const outcome = await inbox.handle(received('{"eventId": broken'));

    expect(outcome).toEqual({ kind: 'dead-lettered', reason: 'the value is not valid JSON' });
    await waitFor('the dead letter', () => deadLetters.length === 1, 2_000);
    expect(deadLetters[0].value!.toString()).toBe('{"eventId": broken');
    expect(deadLetters[0].key).toBe('file-1');
    expect(deadLetters[0].headers).toEqual({
      trace: 't-1',
      [DEAD_LETTER_HEADERS.sourceTopic]: TOPIC,
      [DEAD_LETTER_HEADERS.sourcePartition]: '2',
      [DEAD_LETTER_HEADERS.sourceOffset]: '7',
      [DEAD_LETTER_HEADERS.reason]: 'the value is not valid JSON',
      [DEAD_LETTER_HEADERS.consumer]: 'secretariat-inspection',
    });
  });

  it('an envelope with a missing field is dead-lettered and nothing is stored', async () => {
    const { store, inbox } = setup();
    const { correlationId: _missing, ...partial } = sampleEvent('file-1', 1);

    const outcome = await inbox.handle(received(JSON.stringify(partial)));

    expect(outcome).toMatchObject({ kind: 'dead-lettered', reason: expect.stringContaining('correlationId') });
    expect(await store.readAll(null, 10)).toEqual([]);
  });

  it("an event the consumer's own check refuses as permanent is dead-lettered", async () => {
    const { inbox } = setup({ check: publishedSchemaCheck });

    const unknown = await inbox.handle(asMessage(sampleEvent('file-1', 1, { type: 'union.FileShredded.v1' })));
    const misfit = await inbox.handle(asMessage(sampleEvent('file-1', 2, { data: { fileId: 42 } })));

    expect(unknown).toMatchObject({ kind: 'dead-lettered', reason: expect.stringContaining('unknown event type') });
    expect(misfit).toMatchObject({ kind: 'dead-lettered', reason: expect.stringContaining('fileId') });
  });

  it('an event id already used by another stream is a bad message, not a retry', async () => {
    const { inbox } = setup();
    const event = sampleEvent('file-1', 1);
    await inbox.handle(asMessage(event));

    const clash = await inbox.handle(asMessage({ ...event, aggregateId: 'file-2' }));

    expect(clash.kind).toBe('dead-lettered');
  });

  it('a store that is away is waited for: the message is retried, not dead-lettered', async () => {
    const { store, inbox } = setup();
    store.outages = 1;
    const event = sampleEvent('file-1', 1);

    await expect(inbox.handle(asMessage(event))).rejects.toThrow('connection refused');
    await expect(inbox.handle(asMessage(event))).resolves.toMatchObject({ kind: 'stored' });
  });

  it('on the bus, a poison message is set aside and the next message on its partition is still stored', async () => {
    const { store, bus, inbox, deadLetters, watchDeadLetters } = setup();
    await bus.ensureTopics([{ topic: TOPIC, partitions: 1 }]);
    await watchDeadLetters();
    const after = sampleEvent('file-1', 2);
    await bus.publishRaw(TOPIC, [{ key: 'file-1', value: 'not json at all' }]);
    await bus.publish(TOPIC, [{ key: 'file-1', value: after }]);

    store.outages = 2;
    await inbox.start();
    try {
      await waitFor('the next event stored', async () => (await store.readAll(null, 10)).length === 1, 2_000);
    } finally {
      await inbox.stop();
      await bus.close();
    }
    expect(deadLetters.map((m) => m.value!.toString())).toEqual(['not json at all']);
    expect((await store.readAll(null, 10))[0].eventId).toBe(after.eventId);
  });

  it('never writes a message value to its logs', async () => {
    const { inbox, lines } = setup({ check: publishedSchemaCheck });
    const secret = '09121234567';

    await inbox.handle(received(`{"nationalId":"${secret}"`));
    await inbox.handle(received(JSON.stringify({ ...sampleEvent('file-1', 1), data: { note: secret } })));
    await inbox.handle(asMessage(sampleEvent('file-1', 2, { type: 'union.Unknown.v1', data: { phone: secret } })));

    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).not.toContain(secret);
  });
});
