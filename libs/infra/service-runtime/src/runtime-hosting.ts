import type { ServiceName } from '@cctv/contracts';
import type { MessageBus } from '@cctv/messaging';
import type { ServiceConfig } from './service-config';

/**
 * How a service is hosted, beyond its configuration: what the separate
 * processes leave at their defaults and the one-process (embedded) mode sets.
 */
export interface RuntimeHosting {
  /**
   * A bus shared by every service of this process. Without it the service
   * speaks to Kafka at `config.kafkaBrokers`, or, when that list is empty, to
   * an in-process bus of its own.
   */
  readonly bus?: MessageBus;
  /**
   * The database is PGlite behind a socket: one backend that no other process
   * opens. Advisory locks there are held by that single backend whichever
   * connection asks, so they exclude nothing; the runners take turns through
   * an in-process lock instead, which says what really holds.
   */
  readonly singleBackendDatabase?: boolean;
  /** Connections per pool (event store, read models); default 10. */
  readonly poolSize?: number;
  /**
   * Longest wait of the relay and runners once caught up (default 1 s). Where
   * NOTIFY does not reach the listening connection (PGlite), this is how
   * soon they see an append.
   */
  readonly idleWaitMs?: number;
}

export interface HostedService extends RuntimeHosting {
  readonly config: ServiceConfig;
}

// The apps' modules are built when imported, before a one-process launcher
// can hand them anything; they find here what it set for them, by service name.
const hosted = new Map<ServiceName, HostedService>();

/** Sets the configuration and adapters of a service started in this process; returns the undo. */
export const hostInThisProcess = (service: ServiceName, hosting: HostedService): (() => void) => {
  hosted.set(service, hosting);
  return () => {
    if (hosted.get(service) === hosting) hosted.delete(service);
  };
};

export const hostingOf = (service: ServiceName): HostedService | undefined => hosted.get(service);
