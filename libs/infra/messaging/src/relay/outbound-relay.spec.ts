import { getEventListeners } from 'node:events';
import type { IntegrationEvent } from '@cctv/contracts';
import { InMemoryCheckpointStore, InMemoryEventStore, type LogPosition } from '@cctv/event-store';
import { InProcessBus } from '../in-process/in-process-bus';
import { inboxStreamId, toInboxEvent } from '../inbox/inbox-event';
import type { OutgoingMessage, ReceivedMessage } from '../message-bus.port';
import { domainEvent, fileStream, toTestIntegrationEvent } from '../testing/domain-events';
import { sampleEvent } from '../testing/sample-event';
import { waitFor } from '../testing/wait-for';
import { OutboundRelay, type OutboundRelayOptions } from './outbound-relay';
import { ProcessLocalLock } from './process-local-lock';

const TOPIC = 'union.files.v1';
let relayCount = 0;

class RecordingBus extends InProcessBus {
  readonly batches: OutgoingMessage[][] = [];
  refuse = 0;

  override async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.refuse > 0) {
      this.refuse -= 1;
      throw new Error('broker not reachable');
    }
    await super.publish(topic, messages);
    this.batches.push([...messages]);
  }

  get published(): IntegrationEvent[] {
    return this.batches.flat().map((m) => m.value);
  }
}

class CrashingCheckpoints extends InMemoryCheckpointStore {
  crashes = 0;

  override async save(name: string, position: LogPosition | null): Promise<void> {
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new Error('process killed before the checkpoint was saved');
    }
    await super.save(name, position);
  }
}

function setup(overrides: Partial<OutboundRelayOptions> = {}) {
  const name = `union-intake.outbound.${++relayCount}`;
  const store = new InMemoryEventStore();
  const checkpoints = new CrashingCheckpoints();
  const bus = new RecordingBus();
  const relay = (extra: Partial<OutboundRelayOptions> = {}) =>
    new OutboundRelay({
      name,
      topic: TOPIC,
      store,
      checkpoints,
      bus,
      lock: new ProcessLocalLock(name),
      toIntegrationEvent: toTestIntegrationEvent,
      ...overrides,
      ...extra,
    });
  return { name, store, checkpoints, bus, relay };
}

describe('the outbound relay', () => {
  it('publishes each public event once, keyed by its aggregate id, and moves the checkpoint to the last event read', async () => {
    const { name, store, checkpoints, bus, relay } = setup();
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1), domainEvent('FileOpened', 'f1', 2)], 'no_stream');
    await store.appendToStream(fileStream('f2'), [domainEvent('FileOpened', 'f2', 3)], 'no_stream');
    const log = await store.readAll(null, 100);

    const r = relay();
    const round = await r.relayOnce();

    expect(round).toEqual({ leader: true, read: 3, published: 3 });
    expect(bus.batches.flat().map((m) => [m.key, m.value.eventId])).toEqual(log.map((e) => [(e.data as { fileId: string }).fileId, e.eventId]));
    expect(await checkpoints.load(name)).toBe(log[2].position);
    expect(await r.relayOnce()).toEqual({ leader: true, read: 0, published: 0 });
    expect(bus.published).toHaveLength(3);
  });

  it('keeps private events inside, yet moves the checkpoint past them', async () => {
    const { name, store, checkpoints, bus, relay } = setup();
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1), domainEvent('NoteAdded', 'f1', 2)], 'no_stream');

    expect(await relay().relayOnce()).toEqual({ leader: true, read: 2, published: 1 });
    expect(bus.published.map((e) => e.type)).toEqual(['union.FileOpened.v1']);
    const log = await store.readAll(null, 10);
    expect(await checkpoints.load(name)).toBe(log[1].position);
  });

  it('never publishes again what the service received through its inbox', async () => {
    const identity = (e: Parameters<typeof toTestIntegrationEvent>[0]) => e.data as IntegrationEvent;
    const { store, bus, relay } = setup({ toIntegrationEvent: identity });
    const foreign = sampleEvent('case-9', 1, { source: 'secretariat-inspection', type: 'secretariat.InspectionRecorded.v1' });
    await store.appendToStream(inboxStreamId(foreign), [toInboxEvent(foreign)], 'any');

    expect(await relay().relayOnce()).toEqual({ leader: true, read: 1, published: 0 });
    expect(bus.published).toEqual([]);
  });

  it('publishes in batches of the configured size, in log order', async () => {
    const { store, bus, relay } = setup({ batchSize: 2 });
    for (let seq = 0; seq < 5; seq++) await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');

    const r = relay();
    const rounds = [await r.relayOnce(), await r.relayOnce(), await r.relayOnce(), await r.relayOnce()];

    expect(rounds.map((x) => x.published)).toEqual([2, 2, 1, 0]);
    expect(bus.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(bus.published.map((e) => (e.data as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4]);
  });

  it('when the process dies between publish and checkpoint, the batch is published again (at least once)', async () => {
    const { name, store, checkpoints, bus, relay } = setup();
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1), domainEvent('FileOpened', 'f1', 2)], 'no_stream');
    checkpoints.crashes = 1;

    const dying = relay();
    await expect(dying.relayOnce()).rejects.toThrow('killed');
    await dying.stop(); // a dead process's lock goes with it
    expect(await checkpoints.load(name)).toBeNull();
    await relay().relayOnce();

    const ids = bus.published.map((e) => e.eventId);
    expect(ids).toHaveLength(4);
    expect(ids.slice(2)).toEqual(ids.slice(0, 2));
  });

  it('saves the checkpoint at most once per interval, whatever the rounds find, and when it stops', async () => {
    const { name, store, checkpoints, relay } = setup({ batchSize: 2, checkpointEveryMs: 60_000 });
    for (let seq = 0; seq < 5; seq++) await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');
    const log = await store.readAll(null, 10);

    const r = relay();
    await r.relayOnce();
    expect(await checkpoints.load(name)).toBe(log[1].position); // the first save of a leader is not held back
    await r.relayOnce();
    expect(await checkpoints.load(name)).toBe(log[1].position); // published, not saved yet
    await r.relayOnce();
    expect(await r.relayOnce()).toEqual({ leader: true, read: 0, published: 0 });
    expect(await checkpoints.load(name)).toBe(log[1].position); // drained, still within the interval
    await r.stop();
    expect(await checkpoints.load(name)).toBe(log[4].position);
  });

  it('an idle relay saves what it held back once the interval has passed', async () => {
    const { name, store, checkpoints, relay } = setup({ batchSize: 2, checkpointEveryMs: 50 });
    for (let seq = 0; seq < 3; seq++) await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');
    const log = await store.readAll(null, 10);

    const r = relay();
    while ((await r.relayOnce()).read > 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await r.relayOnce()).toEqual({ leader: true, read: 0, published: 0 });
    expect(await checkpoints.load(name)).toBe(log[2].position);
  });

  it('a leader that dies with published batches unsaved leaves them to be published again', async () => {
    const { name, store, checkpoints, bus, relay } = setup({ batchSize: 2, checkpointEveryMs: 60_000 });
    for (let seq = 0; seq < 6; seq++) await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');
    const log = await store.readAll(null, 10);

    const lock = new ProcessLocalLock(name);
    const dying = relay({ lock });
    await dying.relayOnce();
    await dying.relayOnce();
    await lock.release(); // the process is gone: its lock with it, its memory too
    const next = relay();
    while ((await next.relayOnce()).read > 0);
    await next.stop();

    const seqs = bus.published.map((e) => (e.data as { seq: number }).seq);
    expect(seqs).toEqual([0, 1, 2, 3, 2, 3, 4, 5]);
    expect(await checkpoints.load(name)).toBe(log[5].position);
  });

  it('when the broker does not acknowledge, the checkpoint stays where it was', async () => {
    const { name, store, checkpoints, bus, relay } = setup();
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1)], 'no_stream');
    bus.refuse = 1;

    const r = relay();
    await expect(r.relayOnce()).rejects.toThrow('broker not reachable');
    expect(await checkpoints.load(name)).toBeNull();
    expect(await r.relayOnce()).toMatchObject({ published: 1 });
  });

  it('stops at an event whose mapping is not a valid envelope instead of skipping it', async () => {
    const broken = (e: Parameters<typeof toTestIntegrationEvent>[0]) => ({ ...toTestIntegrationEvent(e)!, occurredAt: 'yesterday' });
    const { name, store, checkpoints, bus, relay } = setup({ toIntegrationEvent: broken });
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1)], 'no_stream');

    await expect(relay().relayOnce()).rejects.toThrow('occurredAt');
    expect(bus.published).toEqual([]);
    expect(await checkpoints.load(name)).toBeNull();
  });

  it('of two relays with one name only the lock holder publishes; the other takes over once it lets go', async () => {
    const { store, bus, relay } = setup();
    const first = relay();
    const second = relay();
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1)], 'no_stream');

    expect(await first.relayOnce()).toMatchObject({ leader: true, published: 1 });
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 2)], 'any');
    expect(await second.relayOnce()).toEqual({ leader: false, read: 0, published: 0 });

    await first.stop();
    expect(await second.relayOnce()).toMatchObject({ leader: true, published: 1 });
    expect(bus.published.map((e) => (e.data as { seq: number }).seq)).toEqual([1, 2]);
  });

  it('once started, relays events appended later, and consumers receive them in order per file', async () => {
    const { store, bus, relay } = setup({ idleWaitMs: 50 });
    const received: ReceivedMessage[] = [];
    await bus.subscribe({ groupId: 'reader', topics: [TOPIC], handle: async (m) => void received.push(m) });
    const running = relay();
    running.start();
    try {
      for (let seq = 0; seq < 6; seq++) {
        await store.appendToStream(fileStream(seq % 2 ? 'odd' : 'even'), [domainEvent('FileOpened', seq % 2 ? 'odd' : 'even', seq)], 'any');
      }
      await waitFor('six messages', () => received.length === 6, 2_000);
    } finally {
      await running.stop();
      await bus.close();
    }
    const seqsOf = (key: string) => received.filter((m) => m.key === key).map((m) => JSON.parse(m.value!.toString()).data.seq);
    expect(seqsOf('even')).toEqual([0, 2, 4]);
    expect(seqsOf('odd')).toEqual([1, 3, 5]);
  });

  it('keeps going after a failed round, publishing what it could not before', async () => {
    const { store, bus, relay } = setup({ idleWaitMs: 20, retry: { initialMs: 5, maxMs: 10 } });
    bus.refuse = 2;
    await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', 1)], 'no_stream');
    const running = relay();
    running.start();
    try {
      await waitFor('the event to get through', () => bus.published.length === 1, 2_000);
    } finally {
      await running.stop();
    }
    expect(bus.refuse).toBe(0);
  });
  it('woken by news many times within one idle wait, it leaves no abort listener behind on its stop signal', async () => {
    const { store, bus, relay } = setup({ idleWaitMs: 60_000 });
    const signals = new Set<AbortSignal>();
    const original = EventTarget.prototype.addEventListener;
    const adding = jest.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
      if (this instanceof AbortSignal) signals.add(this);
      return original.apply(this, args);
    });
    const running = relay();
    running.start();
    try {
      for (let seq = 0; seq < 15; seq++) {
        await store.appendToStream(fileStream('f1'), [domainEvent('FileOpened', 'f1', seq)], 'any');
        await waitFor(`event ${seq} relayed`, () => bus.published.length === seq + 1, 2_000);
      }
      const most = Math.max(0, ...[...signals].map((signal) => getEventListeners(signal, 'abort').length));
      expect(most).toBeLessThanOrEqual(1);
    } finally {
      adding.mockRestore();
      await running.stop();
      // Ends the store's own wait of the last round, which would otherwise keep the test process for a minute.
      await store.appendToStream(fileStream('f2'), [domainEvent('FileOpened', 'f2', 99)], 'any');
    }
  });
});
