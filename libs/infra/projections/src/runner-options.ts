import type { EventStore } from '@cctv/event-store';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { RunnerLock } from './locks/runner-lock.port';
import { consoleRunnerLogger, type RunnerLogger } from './runner-logger';

export interface RunnerOptions {
  readonly store: EventStore;
  /** Only the holder runs; use `PostgresAdvisoryLock` when there can be several replicas. */
  readonly lock: RunnerLock;
  /** Events per batch (default 200). */
  readonly batchSize?: number;
  /** Longest wait for new events once caught up (default 1 s); `store.waitForAppend` cuts it short. */
  readonly idleWaitMs?: number;
  readonly backoff?: BackoffOptions;
  readonly logger?: RunnerLogger;
}

export interface ResolvedRunnerOptions {
  readonly store: EventStore;
  readonly lock: RunnerLock;
  readonly batchSize: number;
  readonly idleWaitMs: number;
  readonly backoff: BackoffOptions;
  readonly logger: RunnerLogger;
}

export function resolveRunnerOptions(options: RunnerOptions): ResolvedRunnerOptions {
  return {
    store: options.store,
    lock: options.lock,
    batchSize: options.batchSize ?? 200,
    idleWaitMs: options.idleWaitMs ?? 1_000,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    logger: options.logger ?? consoleRunnerLogger,
  };
}
