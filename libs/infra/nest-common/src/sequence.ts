import type { Pool } from 'pg';

/** Gapless enough for human-readable numbers: a crash may skip a number, never repeat one. */
export interface Sequence {
  next(): Promise<number>;
}

export const SEQUENCES = Symbol('SEQUENCES');

export type SequenceFactory = (name: string) => Sequence;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export const postgresSequences = (pool: Pool, schema: string): SequenceFactory => {
  return (name) => {
    if (!IDENTIFIER.test(schema) || !IDENTIFIER.test(name)) throw new Error(`Bad sequence name ${schema}.${name}`);
    let created: Promise<unknown> | null = null;
    return {
      async next() {
        created ??= pool.query(`CREATE SEQUENCE IF NOT EXISTS "${schema}"."${name}"`);
        await created;
        const { rows } = await pool.query<{ n: string }>(`SELECT nextval('"${schema}"."${name}"') AS n`);
        return Number(rows[0].n);
      },
    };
  };
};

export const inMemorySequences = (): SequenceFactory => {
  const counters = new Map<string, number>();
  return (name) => ({
    async next() {
      const n = (counters.get(name) ?? 0) + 1;
      counters.set(name, n);
      return n;
    },
  });
};
