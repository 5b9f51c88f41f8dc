import type { RecordedEvent } from '@cctv/event-store';
import { InProcessLock } from './locks/in-process-lock';
import { PostgresAdvisoryLock } from './locks/postgres-advisory-lock';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { appendEvents, capturingLogger, eventually } from './testing/events';
import { createFileList, FileListProjection, readFileList } from './testing/file-list.projection';
import { connection, postgresFixture, postgresUnavailable, type PostgresFixture } from './testing/postgres-fixture';

jest.setTimeout(30_000);
const suite = postgresUnavailable() ? describe.skip : describe;

suite('projection runner (PostgreSQL read model)', () => {
  let fx: PostgresFixture;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    fx = await postgresFixture('proj');
    await createFileList(fx.dataSource, fx.schema);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await fx.cleanup();
  });

  const runner = (projection: FileListProjection, options: Partial<ProjectionRunnerOptions> = {}) => {
    const created = new ProjectionRunner(projection, {
      store: fx.store,
      lock: new InProcessLock(),
      dataSource: fx.dataSource,
      checkpoints: fx.checkpoints,
      batchSize: 10,
      idleWaitMs: 50,
      backoff: { initialMs: 10, maxMs: 50 },
      logger: capturingLogger(),
      ...options,
    });
    runners.push(created);
    return created;
  };
  const rows = () => readFileList(fx.dataSource, fx.schema);
  const allAppliedOnce = async (ids: string[]) => {
    const model = await rows();
    return model.length === ids.length && model.every((row) => row.applied === 1);
  };

  it('catching up applies every event of the log once and saves the checkpoint with the read model', async () => {
    const ids = await appendEvents(fx.store, 25);

    expect(await runner(new FileListProjection(fx.schema)).catchUp()).toBe(25);

    const model = await rows();
    expect(model.map((r) => r.event_id).sort()).toEqual([...ids].sort());
    expect(model.every((r) => r.applied === 1)).toBe(true);
    const log = await fx.store.readAll(null, 100);
    expect(await fx.checkpoints.load('file-list')).toBe(log[log.length - 1].position);
    expect(await runner(new FileListProjection(fx.schema)).catchUp()).toBe(0);
  });

  it('batches of events the projection does not handle open no transaction; the checkpoint passes them with the next batch that writes, and a restart in between applies nothing twice', async () => {
    const ids = await appendEvents(fx.store, 25);
    const handled = new Set(ids.slice(0, 3));
    class Choosy extends FileListProjection {
      handles(event: RecordedEvent): boolean {
        return handled.has(event.eventId);
      }
      override async apply(event: RecordedEvent, em: Parameters<FileListProjection['apply']>[1]): Promise<void> {
        if (this.handles(event)) await super.apply(event, em);
      }
    }
    const log = async () => fx.store.readAll(null, 100);

    expect(await runner(new Choosy(fx.schema)).catchUp()).toBe(25);
    // batches of 10: the first wrote, the other two were passed over
    expect(await fx.checkpoints.load('file-list')).toBe((await log())[9].position);

    // a restart reads the passed-over events again, to no effect
    const restarted = runner(new Choosy(fx.schema));
    expect(await restarted.catchUp()).toBe(15);
    const more = await appendEvents(fx.store, 2);
    handled.add(more[1]);
    expect(await restarted.catchUp()).toBe(17); // a catch-up starts from the saved checkpoint
    expect(await fx.checkpoints.load('file-list')).toBe((await log())[26].position);
    const model = await rows();
    expect(model.map((r) => r.event_id).sort()).toEqual([...ids.slice(0, 3), more[1]].sort());
    expect(model.every((r) => r.applied === 1)).toBe(true);
  });

  it('a failure on an event rolls back its whole batch, checkpoint included; after a restart nothing is lost and nothing applied twice', async () => {
    const ids = await appendEvents(fx.store, 25);
    const failing = new FileListProjection(fx.schema, {
      beforeApply: async (event) => {
        if (event.eventId === ids[13]) throw new Error('read model constraint broken');
      },
    });

    await expect(runner(failing).catchUp()).rejects.toMatchObject({ eventId: ids[13] });

    // batches of 10: the first committed, the second (events 10..19) rolled back at event 13
    expect((await rows()).map((r) => r.event_id).sort()).toEqual(ids.slice(0, 10).sort());
    const log = await fx.store.readAll(null, 100);
    expect(await fx.checkpoints.load('file-list')).toBe(log[9].position);

    expect(await runner(new FileListProjection(fx.schema)).catchUp()).toBe(15);
    expect(await allAppliedOnce(ids)).toBe(true);
  });

  it('a projection that applies whole batches: when a batch fails as a whole, its writes are undone and it is applied event by event, naming the failing event', async () => {
    const ids = await appendEvents(fx.store, 25);
    class WholeBatches extends FileListProjection {
      async applyBatch(events: readonly RecordedEvent[], em: Parameters<FileListProjection['apply']>[1]) {
        for (const event of events) await this.apply(event, em);
        throw new Error('the whole batch failed after writing'); // its writes must not survive
      }
    }
    const failing = new WholeBatches(fx.schema, {
      beforeApply: async (event) => {
        if (event.eventId === ids[13]) throw new Error('read model constraint broken');
      },
    });

    await expect(runner(failing).catchUp()).rejects.toMatchObject({ eventId: ids[13] });
    expect((await rows()).map((r) => r.event_id).sort()).toEqual(ids.slice(0, 10).sort());
    expect(await runner(new WholeBatches(fx.schema)).catchUp()).toBe(15);
    expect(await allAppliedOnce(ids)).toBe(true);

    // A rebuild falls back the same way, inside its one transaction.
    expect(await runner(new WholeBatches(fx.schema)).rebuild()).toBe(25);
    expect(await allAppliedOnce(ids)).toBe(true);
  });

  it('a process that dies between applying and committing loses nothing and applies nothing twice', async () => {
    const ids = await appendEvents(fx.store, 15);
    const crashingProcess = await fx.openDataSource();
    const crashing = new FileListProjection(fx.schema, {
      beforeApply: async (event, em) => {
        // The connection dies under the open transaction, as when the process is killed.
        if (event.eventId === ids[12]) await em.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    });
    await expect(runner(crashing, { dataSource: crashingProcess }).catchUp()).rejects.toThrow();
    await crashingProcess.destroy();

    expect(await runner(new FileListProjection(fx.schema)).catchUp()).toBe(5);
    expect(await allAppliedOnce(ids)).toBe(true);
  });

  it("if moving the checkpoint fails, the batch's read-model writes roll back with it", async () => {
    const ids = await appendEvents(fx.store, 8);
    let saves = 0;
    // Whichever way the runner moves it: in one step with the lock, or saved after the writes.
    const failingSave = Object.create(fx.checkpoints, {
      save: {
        value: async (...args: Parameters<typeof fx.checkpoints.save>) => {
          if (saves++ === 0) throw new Error('checkpoint table unavailable');
          return fx.checkpoints.save(...args);
        },
      },
      advance: {
        value: async (...args: Parameters<typeof fx.checkpoints.advance>) => {
          const moved = await fx.checkpoints.advance(...args);
          if (saves++ === 0) throw new Error('checkpoint table unavailable');
          return moved;
        },
      },
    });
    await expect(runner(new FileListProjection(fx.schema), { checkpoints: failingSave }).catchUp()).rejects.toThrow();
    expect(await rows()).toHaveLength(0);

    expect(await runner(new FileListProjection(fx.schema)).catchUp()).toBe(8);
    expect(await allAppliedOnce(ids)).toBe(true);
  });

  it('two replicas catching up at the same moment never apply the same batch twice', async () => {
    const ids = await appendEvents(fx.store, 60);
    const secondProcess = await fx.openDataSource();
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 2));
    await Promise.all([
      runner(new FileListProjection(fx.schema, { beforeApply: slow })).catchUp(),
      runner(new FileListProjection(fx.schema, { beforeApply: slow }), { dataSource: secondProcess }).catchUp(),
    ]);
    expect(await allAppliedOnce(ids)).toBe(true);
  });

  it('a running projection retries a failing batch with backoff, logging the event id and type but no event data', async () => {
    const ids = await appendEvents(fx.store, 12);
    let failuresLeft = 2;
    const flaky = new FileListProjection(fx.schema, {
      beforeApply: async (event) => {
        if (event.eventId === ids[11] && failuresLeft-- > 0) throw new Error(`cannot store ${JSON.stringify(event.data)}`);
      },
    });
    const logger = capturingLogger();
    runner(flaky, { logger }).start();

    await eventually(() => allAppliedOnce(ids));

    const warnings = logger.logs.filter((l) => l.level === 'warn');
    expect(warnings.map((w) => [w.fields.eventId, w.fields.eventType, w.fields.attempt])).toEqual([
      [ids[11], 'FileOpened11', 1],
      [ids[11], 'FileOpened11', 2],
    ]);
    expect(JSON.stringify(logger.logs)).not.toContain('Zahra');
  });

  it('a running projection picks up a new event promptly, woken by the append rather than its idle poll', async () => {
    await fx.store.waitForAppend(1); // the store's LISTEN connection is up before anything is appended
    const projection = runner(new FileListProjection(fx.schema), { idleWaitMs: 20_000 });
    projection.start();
    await eventually(async () => (await fx.checkpoints.load('file-list')) === null && projection.running);
    await new Promise((resolve) => setTimeout(resolve, 300)); // now idle, waiting for an append

    const ids = await appendEvents(fx.store, 1);
    await eventually(() => allAppliedOnce(ids), 3_000);
  });

  it('stopping lets the batch in progress commit, then stops following', async () => {
    const ids = await appendEvents(fx.store, 5);
    let started!: () => void;
    const applying = new Promise<void>((resolve) => (started = resolve));
    const slow = new FileListProjection(fx.schema, {
      beforeApply: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 40));
      },
    });
    const projection = runner(slow);
    projection.start();
    await applying;

    await projection.stop();

    expect(await allAppliedOnce(ids)).toBe(true);
    await appendEvents(fx.store, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await rows()).toHaveLength(5);
  });

  it('a rebuild replaces the read model from the whole log, and readers see the old one until it is done', async () => {
    const ids = await appendEvents(fx.store, 40);
    await runner(new FileListProjection(fx.schema)).catchUp();
    await fx.dataSource.query(`UPDATE "${fx.schema}".file_list SET applied = 99`); // a read model gone wrong

    const counts: number[] = [];
    let rebuilding = true;
    const watch = (async () => {
      while (rebuilding) {
        const { rows: [{ n }] } = await fx.pool.query(`SELECT count(*)::int AS n FROM "${fx.schema}".file_list`);
        counts.push(n);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    const slowly = new FileListProjection(fx.schema, { beforeApply: () => new Promise<void>((resolve) => setTimeout(resolve, 2)) });
    const replayed = await runner(slowly).rebuild();
    rebuilding = false;
    await watch;

    expect(replayed).toBe(40);
    expect(await allAppliedOnce(ids)).toBe(true);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.every((n) => n === 40)).toBe(true);
    const log = await fx.store.readAll(null, 100);
    expect(await fx.checkpoints.load('file-list')).toBe(log[log.length - 1].position);
  });

  describe('with several replicas', () => {
    const advisoryLock = () => new PostgresAdvisoryLock(connection, { namespace: fx.schema, retryMs: 50, healthCheckMs: 500 });

    it('only the replica holding the lock applies events; when its connection dies another takes over', async () => {
      const appliedBy: string[] = [];
      const replica = (instance: string) =>
        runner(
          new FileListProjection(fx.schema, {
            instance,
            beforeApply: async (event: RecordedEvent) => {
              appliedBy.push(`${instance}:${event.eventId}`);
            },
          }),
          { lock: advisoryLock() },
        );
      const first = replica('a');
      const second = replica('b');
      first.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      second.start();

      const before = await appendEvents(fx.store, 20);
      await eventually(() => allAppliedOnce(before));
      expect(new Set(appliedBy.map((a) => a.split(':')[0]))).toEqual(new Set(['a']));

      // The holder's process dies: its lock connection ends without a goodbye.
      await fx.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
        [`runner-lock ${fx.schema}:file-list`.slice(0, 63)],
      );
      await first.stop();

      const after = await appendEvents(fx.store, 10);
      await eventually(() => allAppliedOnce([...before, ...after]));
      const byB = appliedBy.filter((a) => a.startsWith('b:')).map((a) => a.slice(2));
      expect(byB.sort()).toEqual([...after].sort());
    });
  });
});
