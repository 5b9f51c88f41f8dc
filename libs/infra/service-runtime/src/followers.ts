import { PostgresCheckpointStore } from '@cctv/event-store';
import {
  InProcessLock,
  PostgresAdvisoryLock as RunnerAdvisoryLock,
  ProjectionRunner,
  ReactionRunner,
  type LogFollower,
  type RunnerLogger,
} from '@cctv/projections';
import type { Clock } from '@cctv/nest-common';
import type { ServiceRuntime } from './service-runtime';

export interface Followers {
  readonly runners: readonly LogFollower[];
  stop(): Promise<void>;
}

/**
 * Starts one runner per read model and per reaction. Each holds an advisory
 * lock named after it, so with several replicas exactly one applies a given
 * read model or reaction while the others stand by. On a single-backend
 * database (PGlite, one process) they take turns through an in-process lock.
 */
export const startFollowers = async (runtime: ServiceRuntime, deps: { clock: Clock }): Promise<Followers> => {
  const { config, definition, store, pool, dataSource, sequences, logger } = runtime;
  const checkpoints = new PostgresCheckpointStore(pool, config.schema);
  const lock = runtime.hosting.singleBackendDatabase
    ? new InProcessLock()
    : new RunnerAdvisoryLock({ connectionString: config.databaseUrl }, { namespace: config.schema });
  const runnerLogger: RunnerLogger = {
    info: (message, fields) => logger.log({ message, ...fields }, 'runner'),
    warn: (message, fields) => logger.warn({ message, ...fields }, 'runner'),
  };
  const common = { store, lock, logger: runnerLogger, batchSize: 500, idleWaitMs: runtime.hosting.idleWaitMs ?? 1_000 };
  const runners: LogFollower[] = [
    ...definition.projections.map((projection) => new ProjectionRunner(projection, { ...common, dataSource, checkpoints })),
    ...(definition.reactions?.({ store, clock: deps.clock, sequences }) ?? []).map(
      (reaction) => new ReactionRunner(reaction, { ...common, checkpoints }),
    ),
  ];
  for (const runner of runners) runner.start();
  return {
    runners,
    stop: async () => {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
};
