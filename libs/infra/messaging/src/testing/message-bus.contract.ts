import type { MessageBus, ReceivedMessage, Subscription } from '../message-bus.port';
import { sampleEvent } from './sample-event';
import { settle, waitFor } from './wait-for';

export interface MessageBusFixture {
  /** A fresh bus; the suite closes it. */
  makeBus(): Promise<MessageBus> | MessageBus;
  /** A topic or group name no other run uses. */
  unique(base: string): string;
  /** How long a message may take to arrive. */
  readonly patienceMs: number;
  /** How long to wait before concluding that nothing more arrives. */
  readonly quietMs: number;
}

const decode = (m: ReceivedMessage) => JSON.parse(m.value!.toString('utf8')) as { aggregateId: string; data: { seq: number } };

/** The behaviour every MessageBus adapter owes its users, run once per adapter. */
export function messageBusContract(adapter: string, fixture: MessageBusFixture): void {
  describe(`MessageBus contract: ${adapter}`, () => {
    const timeout = fixture.patienceMs * 3;
    let bus: MessageBus;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      bus = await fixture.makeBus();
    }, timeout);

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await bus.close();
    }, timeout);

    const collect = async (groupId: string, topics: string[], into: ReceivedMessage[], handle?: (m: ReceivedMessage) => Promise<void>) => {
      const subscription = await bus.subscribe({
        groupId,
        topics,
        handle: async (m) => {
          await handle?.(m);
          into.push(m);
        },
      });
      subscriptions.push(subscription);
      return subscription;
    };

    it(
      'a subscriber receives what was published, with its key, value and headers',
      async () => {
        const topic = fixture.unique('contract-basic');
        await bus.ensureTopics([{ topic, partitions: 3 }]);
        const event = sampleEvent('file-1', 1);
        await bus.publish(topic, [{ key: 'file-1', value: event, headers: { trace: 'abc' } }]);

        const received: ReceivedMessage[] = [];
        await collect(fixture.unique('g'), [topic], received);
        await waitFor('the message', () => received.length === 1, fixture.patienceMs);

        expect(received[0]).toMatchObject({ topic, key: 'file-1', headers: { trace: 'abc' } });
        expect(JSON.parse(received[0].value!.toString('utf8'))).toEqual(event);
      },
      timeout,
    );

    it(
      "messages with one key arrive in the order they were published, whatever the other keys do",
      async () => {
        const topic = fixture.unique('contract-order');
        await bus.ensureTopics([{ topic, partitions: 3 }]);
        const keys = ['file-a', 'file-b', 'file-c', 'file-d', 'file-e'];
        const perKey = 8;
        for (let seq = 0; seq < perKey; seq++) {
          await bus.publish(topic, keys.map((key) => ({ key, value: sampleEvent(key, seq) })));
        }

        const received: ReceivedMessage[] = [];
        await collect(fixture.unique('g'), [topic], received);
        await waitFor('every message', () => received.length >= keys.length * perKey, fixture.patienceMs);

        for (const key of keys) {
          const seqs = received.filter((m) => m.key === key).map((m) => decode(m).data.seq);
          expect(seqs).toEqual([...Array(perKey).keys()]);
        }
      },
      timeout,
    );

    it(
      'every group sees every message',
      async () => {
        const topic = fixture.unique('contract-groups');
        await bus.ensureTopics([{ topic, partitions: 3 }]);
        const first: ReceivedMessage[] = [];
        const second: ReceivedMessage[] = [];
        await collect(fixture.unique('g1'), [topic], first);
        await collect(fixture.unique('g2'), [topic], second);

        await bus.publish(topic, ['k1', 'k2', 'k3', 'k4'].map((key, i) => ({ key, value: sampleEvent(key, i) })));

        await waitFor('both groups', () => first.length >= 4 && second.length >= 4, fixture.patienceMs);
        expect(new Set(first.map((m) => m.key))).toEqual(new Set(['k1', 'k2', 'k3', 'k4']));
        expect(new Set(second.map((m) => m.key))).toEqual(new Set(['k1', 'k2', 'k3', 'k4']));
      },
      timeout,
    );

    it(
      'members of one group share the partitions, and between them handle every message',
      async () => {
        const topic = fixture.unique('contract-members');
        await bus.ensureTopics([{ topic, partitions: 3 }]);
        const groupId = fixture.unique('g');
        const a: ReceivedMessage[] = [];
        const b: ReceivedMessage[] = [];
        await collect(groupId, [topic], a);
        await collect(groupId, [topic], b);

        const keys = Array.from({ length: 30 }, (_, i) => `file-${i}`);
        await bus.publish(topic, keys.map((key, i) => ({ key, value: sampleEvent(key, i) })));

        await waitFor('the group to take every message', () => a.length + b.length >= keys.length, fixture.patienceMs);
        await settle(fixture.quietMs);
        expect(a.length).toBeGreaterThan(0);
        expect(b.length).toBeGreaterThan(0);
        expect(new Set([...a, ...b].map((m) => m.key))).toEqual(new Set(keys));
      },
      timeout,
    );

    it(
      'a message whose handler fails is delivered again, and the next message on its partition waits for it',
      async () => {
        const topic = fixture.unique('contract-retry');
        await bus.ensureTopics([{ topic, partitions: 1 }]);
        await bus.publish(topic, [0, 1, 2].map((seq) => ({ key: 'file-r', value: sampleEvent('file-r', seq) })));

        const attempts: number[] = [];
        const handled: ReceivedMessage[] = [];
        await collect(fixture.unique('g'), [topic], handled, async (m) => {
          const seq = decode(m).data.seq;
          attempts.push(seq);
          if (seq === 1 && attempts.filter((s) => s === 1).length <= 2) throw new Error('database is away');
        });

        await waitFor('all three handled', () => handled.length >= 3, fixture.patienceMs);
        expect(attempts).toEqual([0, 1, 1, 1, 2]);
        expect(handled.map((m) => decode(m).data.seq)).toEqual([0, 1, 2]);
      },
      timeout,
    );

    it(
      'a group that comes back goes on after the last message it handled',
      async () => {
        const topic = fixture.unique('contract-resume');
        await bus.ensureTopics([{ topic, partitions: 1 }]);
        const groupId = fixture.unique('g');
        await bus.publish(topic, [0, 1, 2].map((seq) => ({ key: 'file-x', value: sampleEvent('file-x', seq) })));

        const before: ReceivedMessage[] = [];
        const first = await collect(groupId, [topic], before);
        await waitFor('the first three', () => before.length === 3, fixture.patienceMs);
        await first.stop();

        await bus.publish(topic, [3, 4].map((seq) => ({ key: 'file-x', value: sampleEvent('file-x', seq) })));
        const after: ReceivedMessage[] = [];
        await collect(groupId, [topic], after);
        await waitFor('the two new ones', () => after.length >= 2, fixture.patienceMs);
        await settle(fixture.quietMs);

        expect(after.map((m) => decode(m).data.seq)).toEqual([3, 4]);
      },
      timeout,
    );

    it(
      'raw messages keep their exact bytes, and may have no key',
      async () => {
        const topic = fixture.unique('contract-raw');
        await bus.ensureTopics([{ topic, partitions: 1 }]);
        const bytes = Buffer.from([0x7b, 0x00, 0xff, 0x22]);
        await bus.publishRaw(topic, [{ key: null, value: bytes, headers: { why: 'test' } }]);

        const received: ReceivedMessage[] = [];
        await collect(fixture.unique('g'), [topic], received);
        await waitFor('the raw message', () => received.length === 1, fixture.patienceMs);

        expect(received[0].key).toBeNull();
        expect(Buffer.compare(received[0].value!, bytes)).toBe(0);
        expect(received[0].headers.why).toBe('test');
      },
      timeout,
    );
  });
}
