import { InMemoryCheckpointStore, InMemoryEventStore, type RecordedEvent } from '@cctv/event-store';
import { InProcessLock } from './locks/in-process-lock';
import { ReactionRunner, type ReactionRunnerOptions } from './reaction-runner';
import { appendEvents, capturingLogger, eventually } from './testing/events';
import { NumberingReaction } from './testing/numbering.reaction';

describe('reaction runner', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  const runners: ReactionRunner[] = [];

  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  const runner = (reaction: NumberingReaction, options: Partial<ReactionRunnerOptions> = {}) => {
    const created = new ReactionRunner(reaction, {
      store,
      checkpoints,
      lock: new InProcessLock(),
      batchSize: 4,
      idleWaitMs: 20,
      backoff: { initialMs: 5, maxMs: 20 },
      logger: capturingLogger(),
      ...options,
    });
    runners.push(created);
    return created;
  };
  /** A checkpoint store that records every position saved. */
  const countingCheckpoints = () => {
    const saves: (string | null)[] = [];
    const counting = new InMemoryCheckpointStore();
    const save = counting.save.bind(counting);
    counting.save = async (name, position) => {
      saves.push(position);
      await save(name, position);
    };
    return { saves, counting };
  };
  const registered = async (streams = 3) => {
    let count = 0;
    for (let s = 0; s < streams; s++) count += (await store.readStream(`register-file-${s}`)).events.length;
    return count;
  };

  it('reacts to every event of the log in log order, and a second catch-up starts after the saved checkpoint', async () => {
    const ids = await appendEvents(store, 10);
    const reaction = new NumberingReaction(store);

    await runner(reaction).catchUp();
    const more = await appendEvents(store, 3);
    await runner(reaction).catchUp();

    expect(reaction.reactedTo).toEqual([...ids, ...more]);
    expect(await registered()).toBe(13);
  });

  it('a crash after reacting but before saving the checkpoint repeats the reaction, and the store keeps its events once', async () => {
    const ids = await appendEvents(store, 6);
    const crashingCheckpoints = new InMemoryCheckpointStore();
    crashingCheckpoints.save = async () => {
      throw new Error('process killed before the checkpoint was saved');
    };
    const reaction = new NumberingReaction(store);
    await expect(runner(reaction, { checkpoints: crashingCheckpoints }).catchUp()).rejects.toThrow();

    await runner(reaction).catchUp();

    expect(reaction.reactedTo.slice(0, 4)).toEqual(ids.slice(0, 4)); // the first batch, reacted to before the crash
    expect(reaction.reactedTo.slice(4)).toEqual(ids); // and again from the start after it
    expect(await registered()).toBe(6);
  });

  it('saves the checkpoint at most once per interval while following, and at the end of a catch-up', async () => {
    const ids = await appendEvents(store, 10);
    const { saves, counting } = countingCheckpoints();
    const reaction = new NumberingReaction(store);

    await runner(reaction, { checkpoints: counting, checkpointEveryMs: 60_000 }).catchUp();

    const log = await store.readAll(null, 100); // the file events, then what the reaction appended
    expect(reaction.reactedTo).toEqual(ids);
    expect(log).toHaveLength(20);
    // Batches of 4: the first saved at once, the other four held back, all of it saved at the head.
    expect(saves).toEqual([log[3].position, log[19].position]);
  });

  it('a runner stopped in the middle of events saves what it reacted to, held back within the interval, before letting its lock go', async () => {
    const { saves, counting } = countingCheckpoints();
    let openGate = () => undefined as void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let atGate = false;
    const [first] = await appendEvents(store, 1);
    const reaction = new NumberingReaction(store, {
      beforeReact: async (event) => {
        if (event.eventId === first) return;
        atGate = true;
        await gate;
      },
    });
    const running = runner(reaction, { checkpoints: counting, checkpointEveryMs: 60_000 });
    running.start();
    await eventually(async () => saves.length === 1 && (await registered()) === 1); // its first batch, saved at once
    await appendEvents(store, 2);
    await eventually(async () => atGate);

    const stopped = running.stop(); // while the batch of the two waits at the gate
    openGate();
    await stopped;

    expect(reaction.reactedTo).toHaveLength(3);
    const log = await store.readAll(null, 100);
    const lastReacted = log.find((e) => e.eventId === reaction.reactedTo[2])!.position;
    expect(saves).toHaveLength(2);
    expect(await counting.load(reaction.name)).toBe(lastReacted);
  });

  it('a runner following an idle log saves what it held back once the interval has passed', async () => {
    const { saves, counting } = countingCheckpoints();
    const reaction = new NumberingReaction(store);
    runner(reaction, { checkpoints: counting, checkpointEveryMs: 300, idleWaitMs: 20 }).start();
    await appendEvents(store, 1);
    await eventually(async () => saves.length >= 1 && (await registered()) === 1);
    await appendEvents(store, 1);
    await eventually(async () => (await registered()) === 2);

    const log = await store.readAll(null, 100);
    await eventually(async () => (await counting.load(reaction.name)) === log[log.length - 1].position);
    expect(saves.length).toBeLessThanOrEqual(3);
  });

  it('a failing reaction is retried with backoff and blocks later events until it succeeds; the log names the event, not its data', async () => {
    const ids = await appendEvents(store, 6);
    let failuresLeft = 3;
    const reaction = new NumberingReaction(store, {
      beforeReact: async (event) => {
        if (event.eventId === ids[2] && failuresLeft-- > 0) throw new Error(`no number for ${JSON.stringify(event.data)}`);
      },
    });
    const logger = capturingLogger();
    runner(reaction, { logger }).start();

    await eventually(async () => (await registered()) === 6);

    expect(reaction.reactedTo).toEqual(ids);
    const warnings = logger.logs.filter((l) => l.level === 'warn');
    expect(warnings.map((w) => [w.fields.eventId, w.fields.eventType, w.fields.delayMs])).toEqual([
      [ids[2], 'FileOpened2', 5],
      [ids[2], 'FileOpened2', 10],
      [ids[2], 'FileOpened2', 20],
    ]);
    expect(JSON.stringify(logger.logs)).not.toContain('Zahra');
  });

  it('of two runners of the same name sharing a lock, only the holder reacts; the other takes over when it stops', async () => {
    const lock = new InProcessLock();
    const first = new NumberingReaction(store);
    const second = new NumberingReaction(store);
    const a = runner(first, { lock });
    const b = runner(second, { lock });
    a.start();
    b.start();

    const before = await appendEvents(store, 8);
    await eventually(async () => (await registered()) === 8);
    expect(first.reactedTo).toEqual(before);
    expect(second.reactedTo).toEqual([]);

    await a.stop();
    const after = await appendEvents(store, 4);
    await eventually(async () => (await registered()) === 12);
    expect(second.reactedTo).toEqual(after);
  });

  it('with a concurrency key: keys react at the same time, one key in log order; a failure stops its key and the checkpoint before it', async () => {
    const ids = await appendEvents(store, 12, 3);
    const byStream = new Map<string, string[]>();
    let running = 0;
    let mostAtOnce = 0;
    let failuresLeft = 1;
    const reaction = {
      name: 'keyed',
      concurrencyKey: (event: RecordedEvent) => event.streamId,
      react: async (event: RecordedEvent) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (event.eventId === ids[4] && failuresLeft-- > 0) throw new Error('not yet');
        byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.eventId]);
      },
    };
    const { saves: saved, counting: recording } = countingCheckpoints();
    const keyed = runner(reaction as never, { checkpoints: recording, batchSize: 12 });

    await expect(keyed.catchUp()).rejects.toThrow();
    expect(saved).toEqual([(await store.readAll(null, 4))[3].position]); // up to the event before the failure
    expect(byStream.get('file-1')).toEqual([ids[1]]); // its key stopped at the failure
    await keyed.catchUp();

    expect(mostAtOnce).toBe(3);
    for (let s = 0; s < 3; s++) {
      const inOrder = ids.filter((_, i) => i % 3 === s);
      const seen = byStream.get(`file-${s}`)!;
      // Events after the failure may be reacted to twice (at least once), never out of order.
      expect(seen.filter((id, i) => seen.indexOf(id) === i)).toEqual(inOrder);
    }
    expect(byStream.get('file-1')).toEqual(ids.filter((_, i) => i % 3 === 1));
  });
});
