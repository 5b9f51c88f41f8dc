import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { describeEventStoreContract } from '../event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, postgresUnavailable, randomSchemaName, testPool } from './test-database';

const unavailable = postgresUnavailable();

let pool: Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

describeEventStoreContract('PostgreSQL', async () => {
  const schema = randomSchemaName('es_contract');
  const store = new PostgresEventStore(pool, schema);
  await store.ensureSchema();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dropSchema(pool, schema);
    },
  };
}, unavailable);

(unavailable ? describe.skip : describe)('PostgreSQL event store wake-ups', () => {
  const schema = randomSchemaName('es_wake');
  let writer: PostgresEventStore;
  let other: PostgresEventStore;
  beforeAll(async () => {
    writer = new PostgresEventStore(pool, schema);
    other = new PostgresEventStore(pool, schema);
    await writer.ensureSchema();
  });
  afterAll(async () => {
    await writer.close();
    await other.close();
    await dropSchema(pool, schema);
  });

  const event = (type: string) => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: {},
    metadata: { occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: { personId: 'p', role: 'union-clerk' as const } },
  });

  it('reads of one window asked at the same moment share one query; a read from elsewhere or asking for more does not', async () => {
    await writer.appendToStream(`file-${randomUUID()}`, [event('A'), event('B'), event('C')], 'no_stream');
    let reads = 0;
    let held: Promise<void> | null = null; // while set, reads answer only once it resolves
    const counting = new Proxy(pool, {
      get: (target, key) =>
        key === 'query'
          ? (...args: Parameters<Pool['query']>) => {
              const answer = (target.query as (...a: unknown[]) => Promise<unknown>)(...args);
              if (!JSON.stringify(args[0]).includes('pg_snapshot_xip')) return answer;
              reads += 1;
              const gate = held;
              return gate ? answer.then(async (result) => (await gate, result)) : answer;
            }
          : Reflect.get(target, key),
    });
    const reader = new PostgresEventStore(counting, schema);
    try {
      const whole = await reader.readAll(null, 100);
      reads = 0;
      const [a, b, c] = await Promise.all([reader.readAll(null, 100), reader.readAll(null, 100), reader.readAll(null, 2)]);
      expect(reads).toBe(1);
      expect(a).toEqual(whole);
      expect(b).toEqual(whole);
      expect(c).toEqual(whole.slice(0, 2));

      reads = 0;
      const [d, e, g] = await Promise.all([reader.readAll(null, 2), reader.readAll(whole[0].position, 100), reader.readAll(null, 100)]);
      const f = await reader.readAll(null, 100); // the earlier ones are done: a read of its own
      expect(reads).toBe(4);
      expect(d).toEqual(whole.slice(0, 2));
      expect(e).toEqual(whole.slice(1));
      expect(g).toEqual(whole);
      expect(f).toEqual(whole);

      // An append heard of while a read is in flight: a later reader may have been woken by it, so it reads afresh.
      reads = 0;
      let release = () => undefined as void;
      held = new Promise<void>((resolve) => (release = resolve));
      const heardBefore = reader.appendMark();
      const early = reader.readAll(null, 100); // executed now, answered only when released
      await new Promise((resolve) => setTimeout(resolve, 50));
      await reader.appendToStream(`file-${randomUUID()}`, [event('D')], 'no_stream');
      expect(await reader.waitForAppend(10_000, heardBefore)).toBe(true); // its own append, heard
      held = null;
      const late = reader.readAll(null, 100);
      release();
      const [before, after] = await Promise.all([early, late]);
      expect(reads).toBe(2);
      expect(before.map((x) => x.type)).not.toContain('D');
      expect(after.map((x) => x.type)).toContain('D');
    } finally {
      await reader.close();
    }
  });

  it('sends no notification while no other session listens on its channel', async () => {
    const lonelySchema = randomSchemaName('es_lonely');
    const sent: string[] = [];
    const watching = new Proxy(pool, {
      get: (target, key) =>
        key === 'query'
          ? (...args: Parameters<Pool['query']>) => {
              const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
              if (/pg_notify|pg_stat_activity/.test(text)) sent.push(text.includes('pg_notify') ? 'notify' : 'check');
              return (target.query as (...a: unknown[]) => unknown)(...args);
            }
          : Reflect.get(target, key),
    });
    const lonely = new PostgresEventStore(watching, lonelySchema);
    await lonely.ensureSchema();
    try {
      await lonely.waitForAppend(1); // its own listener is there, and does not count
      for (const type of ['A', 'B', 'C']) {
        await lonely.appendToStream(`file-${randomUUID()}`, [event(type)], 'no_stream');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(sent).toEqual(['check']);
    } finally {
      await lonely.close();
      await dropSchema(pool, lonelySchema);
    }
  });

  it('another process (another instance) hears of an append by notification; the appending one once, not again by its own notification', async () => {
    // A writer that starts while the other is listening: its first notification finds a listener.
    const appending = new PostgresEventStore(pool, schema);
    try {
      await Promise.all([appending.waitForAppend(1), other.waitForAppend(1)]); // both listening
      const writerBefore = appending.appendMark();
      const otherBefore = other.appendMark();
      const heard = other.waitForAppend(10_000);
      await appending.appendToStream(`file-${randomUUID()}`, [event('A')], 'no_stream');
      expect(await appending.waitForAppend(10_000, writerBefore)).toBe(true); // its own append, heard without the server
      expect(appending.appendMark()).toBe(writerBefore + 1);
      expect(await heard).toBe(true);
      // The notification reached the writer's listener too by now (one connection, sent before the other's saw it).
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(appending.appendMark()).toBe(writerBefore + 1);
      expect(other.appendMark()).toBeGreaterThan(otherBefore);
    } finally {
      await appending.close();
    }
  });
});
