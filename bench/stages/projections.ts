import { DataSource } from 'typeorm';
import { PostgresCheckpointStore, PostgresEventStore } from '@cctv/event-store';
import { InProcessLock, ProjectionRunner } from '@cctv/projections';
import type { ServiceDefinition } from '@cctv/service-runtime';
import { permitIssuanceDefinition } from '../../apps/permit-issuance/src/permit-issuance.definition';
import { secretariatInspectionDefinition } from '../../apps/secretariat-inspection/src/secretariat-inspection.definition';
import { unionIntakeDefinition } from '../../apps/union-intake/src/union-intake.definition';
import { timed } from '../support/clock';
import type { BenchConfig } from '../support/config';
import type { FreshDatabase } from '../support/database';
import type { Figure } from '../support/figures';
import { round, spread } from '../support/stats';
import { fillWithStories, loadStories } from '../stories/clone-stories';

const OFFICES: ReadonlyArray<readonly [string, ServiceDefinition]> = [
  ['union_intake', unionIntakeDefinition],
  ['secretariat_inspection', secretariatInspectionDefinition],
  ['permit_issuance', permitIssuanceDefinition],
];
const BATCH = 500; // the services' runners' batch size
const silent = { info: () => undefined, warn: () => undefined };

/**
 * Each office's real read-model projection under a ProjectionRunner on a fresh
 * schema, fed copies of a whole lifecycle as that office's log holds it:
 * catch-up speed per office, then one office rebuilt from a big log.
 */
export async function projectionsStage(config: BenchConfig, db: FreshDatabase): Promise<Figure[]> {
  const stories = loadStories();
  const pool = db.pool(4);
  const perOffice: Record<string, number[]> = {};
  const eventsPerOffice: Record<string, number> = {};
  let copy = 1;
  for (const [schema, definition] of OFFICES) {
    const office = await officeOn(db, pool, schema, definition);
    try {
      for (let run = 0; run < config.runs; run++) {
        const runner = office.runner();
        const written = await fillWithStories(pool, schema, stories[schema], config.sizes.projectionEvents, copy);
        copy += Math.ceil(written / stories[schema].events.length);
        eventsPerOffice[schema] = written;
        const { seconds, result } = await timed(() => runner.catchUp());
        if (result !== written) throw new Error(`${schema}: applied ${result} of ${written}`);
        (perOffice[schema] ??= []).push(written / seconds);
      }
    } finally {
      await office.close();
    }
  }

  // The rebuild: the secretariat's office, the read model with the most tables.
  const [schema, definition] = OFFICES[1];
  const rebuildSchema = `${schema}_rebuild`;
  const office = await officeOn(db, pool, rebuildSchema, definition);
  const rebuildRuns: number[] = [];
  let logSize = 0;
  try {
    const { seconds: fillSeconds, result } = await timed(() => fillWithStories(pool, rebuildSchema, stories[schema], config.sizes.rebuildEvents, 1_000_000));
    logSize = result;
    for (let run = 0; run < config.runs; run++) {
      const { seconds, result: replayed } = await timed(() => office.runner().rebuild());
      if (replayed !== logSize) throw new Error(`rebuild replayed ${replayed} of ${logSize}`);
      rebuildRuns.push(seconds);
    }
    eventsPerOffice.rebuildFillSeconds = round(fillSeconds, 1);
  } finally {
    await office.close();
  }

  const all = OFFICES.flatMap(([s]) => perOffice[s]);
  const byOffice = Object.fromEntries(OFFICES.map(([s]) => [s, perOffice[s].map((r) => round(r, 0))]));
  const raw = { batchSize: BATCH, eventsPerRun: eventsPerOffice, eventsPerSecByOffice: byOffice };
  // The slowest office bounds the system: its median is the headline.
  const slowest = OFFICES.map(([s]) => spread(perOffice[s])).sort((a, b) => a.median - b.median)[0];
  return [
    { name: 'projectionEventsPerSec', unit: 'events/s', value: slowest, target: { op: '>=', value: 20_000 }, raw: { ...raw, headline: 'the slowest office', allRuns: all.map((r) => round(r, 0)) } },
    ...OFFICES.map(([s]): Figure => ({ name: `projectionEventsPerSec.${s}`, unit: 'events/s', value: spread(perOffice[s]), raw })),
    {
      name: 'rebuildMillionSeconds',
      unit: 's',
      value: spread(rebuildRuns.map((s) => (s * 1_000_000) / logSize)),
      raw: { office: schema, logEvents: logSize, measuredSeconds: rebuildRuns.map((s) => round(s, 2)), scaledToMillion: logSize !== 1_000_000 },
    },
  ];
}

async function officeOn(db: FreshDatabase, pool: ReturnType<FreshDatabase['pool']>, schema: string, definition: ServiceDefinition) {
  const store = new PostgresEventStore(pool, schema);
  await store.ensureSchema();
  const dataSource = new DataSource({ type: 'postgres', url: db.url, schema, entities: [...definition.entities], synchronize: true, logging: false });
  await dataSource.initialize();
  const checkpoints = new PostgresCheckpointStore(pool, schema);
  return {
    runner: () =>
      new ProjectionRunner(definition.projections[0], { store, dataSource, checkpoints, lock: new InProcessLock(), batchSize: BATCH, logger: silent }),
    close: async () => {
      await store.close();
      await dataSource.destroy();
    },
  };
}
