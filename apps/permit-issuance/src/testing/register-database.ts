import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InMemoryEventStore, type LogPosition, type RecordedEvent } from '@cctv/event-store';
import { inMemorySequences, type Clock } from '@cctv/nest-common';
import { permitRegisterReaction } from '../reactions/permit-register.reaction';
import { PermitRow } from '../read-models/permit.row';
import { permitRegisterProjection } from '../read-models/permit-register.projection';
import { PermitStepRow } from '../read-models/permit-steps/permit-step.row';
import { permitStepsProjection } from '../read-models/permit-steps/permit-steps.projection';

/**
 * The register on the test PostgreSQL, in a schema of its own: the given
 * secretariat decisions go through the reaction into an in-memory log, and
 * the log through the projections into rm_permits and rm_permit_steps, as the runtime would do.
 */
export const openRegisterDatabase = async (clock: Clock, decisions: readonly RecordedEvent[]) => {
  const schema = `permit_register_it_${randomBytes(6).toString('hex')}`;
  const db = new DataSource({
    type: 'postgres', host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? 5432),
    username: process.env.PGUSER ?? 'postgres', database: process.env.PGDATABASE ?? 'test',
    schema, entities: [PermitRow, PermitStepRow], synchronize: false, logging: false,
  });
  await db.initialize();
  await db.query(`CREATE SCHEMA "${schema}"`);
  await db.synchronize();

  const store = new InMemoryEventStore();
  let applied: LogPosition | null = null;
  const catchUp = async () => {
    const events = await store.readAll(applied, 10_000);
    await db.transaction(async (em) => {
      for (const event of events) {
        await permitRegisterProjection.apply(event, em);
        await permitStepsProjection.apply(event, em);
      }
    });
    if (events.length) applied = events[events.length - 1].position;
  };

  const reaction = permitRegisterReaction({ store, clock, sequences: inMemorySequences() }, { log: () => undefined, warn: () => undefined });
  for (const decision of decisions) {
    await store.appendToStream(decision.streamId, [decision], 'any');
    await reaction.react(decision);
  }
  await catchUp();

  return {
    db,
    store,
    catchUp,
    close: async () => {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.destroy();
    },
  };
};
