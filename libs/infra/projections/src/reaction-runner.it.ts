import { PostgresAdvisoryLock } from './locks/postgres-advisory-lock';
import { ReactionRunner } from './reaction-runner';
import { appendEvents, capturingLogger, eventually } from './testing/events';
import { NumberingReaction } from './testing/numbering.reaction';
import { connection, postgresFixture, postgresUnavailable, type PostgresFixture } from './testing/postgres-fixture';

jest.setTimeout(30_000);
const suite = postgresUnavailable() ? describe.skip : describe;

suite('reaction runner (PostgreSQL event store, several replicas)', () => {
  let fx: PostgresFixture;
  const runners: ReactionRunner[] = [];

  beforeEach(async () => {
    fx = await postgresFixture('react');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await fx.cleanup();
  });

  const replica = (reaction: NumberingReaction) => {
    const created = new ReactionRunner(reaction, {
      store: fx.store,
      checkpoints: fx.checkpoints,
      lock: new PostgresAdvisoryLock(connection, { namespace: fx.schema, retryMs: 50, healthCheckMs: 500 }),
      batchSize: 5,
      idleWaitMs: 100,
      backoff: { initialMs: 10, maxMs: 50 },
      logger: capturingLogger(),
    });
    runners.push(created);
    return created;
  };
  const registered = async () => {
    const register = await Promise.all([0, 1, 2].map((s) => fx.store.readStream(`register-file-${s}`)));
    return register.flatMap((r) => r.events);
  };

  it('two replicas of one reaction: only the lock holder reacts, and the other takes over when it stops', async () => {
    const first = new NumberingReaction(fx.store);
    const second = new NumberingReaction(fx.store);
    const a = replica(first);
    a.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const b = replica(second);
    b.start();

    const before = await appendEvents(fx.store, 20);
    await eventually(async () => (await registered()).length === 20);
    expect(first.reactedTo).toEqual(before);
    expect(second.reactedTo).toEqual([]);

    await a.stop();
    const after = await appendEvents(fx.store, 5);
    await eventually(async () => (await registered()).length === 25);
    expect(second.reactedTo).toEqual(after);
  });

  it('reacting again to events already reacted to (a lost checkpoint) appends nothing new', async () => {
    await appendEvents(fx.store, 10);
    const reaction = new NumberingReaction(fx.store);
    await replica(reaction).catchUp();
    await fx.checkpoints.save('numbering', null);

    await replica(reaction).catchUp();

    expect(reaction.reactedTo).toHaveLength(20);
    const events = await registered();
    expect(events).toHaveLength(10);
    expect(new Set(events.map((e) => (e.data as { forEvent: string }).forEvent)).size).toBe(10);
  });
});
