import type { Pool } from 'pg';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, postgresUnavailable, randomSchemaName, testPool } from './test-database';

const suite = postgresUnavailable() ? describe.skip : describe;

suite('PostgreSQL checkpoints', () => {
  let pool: Pool;
  let schema: string;
  let checkpoints: PostgresCheckpointStore;

  beforeAll(async () => {
    pool = testPool(5);
    schema = randomSchemaName('es_checkpoints');
    await new PostgresEventStore(pool, schema).ensureSchema();
    checkpoints = new PostgresCheckpointStore(pool, schema);
  });
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('a follower that never saved starts before the first event', async () => {
    expect(await checkpoints.load('never-saved')).toBeNull();
  });

  it('the last saved position is the one loaded', async () => {
    await checkpoints.save('files', '10:1');
    await checkpoints.save('files', '12:7');
    expect(await checkpoints.load('files')).toBe('12:7');
  });

  it('a relaxed save is loaded like any other, and leaves the connection committing durably again', async () => {
    await checkpoints.saveRelaxed('relay', '3:2');
    await checkpoints.saveRelaxed('relay', '5:4');
    expect(await checkpoints.load('relay')).toBe('5:4');
    const client = await pool.connect();
    try {
      await new PostgresCheckpointStore(client, schema).saveRelaxed('relay', '6:1');
      expect((await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
      expect(await checkpoints.load('relay')).toBe('6:1');
    } finally {
      client.release();
    }
  });

  it("a save inside the caller's transaction disappears with its rollback", async () => {
    await checkpoints.save('rolled-back', '1:1');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await checkpoints.save('rolled-back', '9:9', client);
      expect(await checkpoints.load('rolled-back', client)).toBe('9:9');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await checkpoints.load('rolled-back')).toBe('1:1');
  });

  it('a second worker locking the same checkpoint waits, then sees what the first one saved', async () => {
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      expect(await checkpoints.loadForUpdate('locked', first)).toBeNull();
      await second.query('BEGIN');
      const waiting = checkpoints.loadForUpdate('locked', second);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await checkpoints.save('locked', '5:5', first);
      await first.query('COMMIT');
      expect(await waiting).toBe('5:5');
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
  });

  it('advances a checkpoint only from where it stands, creating it from nothing, and refuses otherwise without a change', async () => {
    expect(await checkpoints.advance('advanced', null, '1:1', pool)).toBe(true);
    expect(await checkpoints.load('advanced')).toBe('1:1');
    expect(await checkpoints.advance('advanced', null, '2:2', pool)).toBe(false);
    expect(await checkpoints.advance('advanced', '0:9', '2:2', pool)).toBe(false);
    expect(await checkpoints.load('advanced')).toBe('1:1');
    expect(await checkpoints.advance('advanced', '1:1', '2:2', pool)).toBe(true);
    expect(await checkpoints.load('advanced')).toBe('2:2');
    expect(await checkpoints.advance('never-there', '1:1', '2:2', pool)).toBe(false);
    expect(await checkpoints.load('never-there')).toBeNull();
  });

  it.each([
    ['an existing checkpoint', '3:3'],
    ['a checkpoint not created yet', null],
  ])('of two workers advancing %s from the same place at once, the second waits and is refused once the first commits', async (_what, from) => {
    const name = `raced-${from ?? 'new'}`;
    if (from !== null) await checkpoints.save(name, from);
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      expect(await checkpoints.advance(name, from, '4:4', first)).toBe(true);
      await second.query('BEGIN');
      let settled = false;
      const waiting = checkpoints.advance(name, from, '4:5', second).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false);
      await first.query('COMMIT');
      expect(await waiting).toBe(false);
      await second.query('COMMIT');
      expect(await checkpoints.load(name)).toBe('4:4');
    } finally {
      first.release();
      second.release();
    }
  });
});

suite('PostgreSQL event store schema', () => {
  it('several replicas creating the same schema at once all succeed', async () => {
    const pool = testPool(8);
    const schema = randomSchemaName('es_schema');
    try {
      await Promise.all(Array.from({ length: 6 }, () => new PostgresEventStore(pool, schema).ensureSchema()));
      await new PostgresEventStore(pool, schema).ensureSchema();
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".events`);
      expect(rows[0].n).toBe(0);
    } finally {
      await dropSchema(pool, schema);
      await pool.end();
    }
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresEventStore(testPool(1), 'x"; DROP TABLE y; --')).toThrow(/Invalid schema/);
  });
});
