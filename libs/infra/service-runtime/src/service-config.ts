import type { ServiceName } from '@cctv/contracts';

/** Everything a service reads from its environment, with the local defaults. */
export interface ServiceConfig {
  readonly service: ServiceName;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /** The service's own PostgreSQL schema: event store, checkpoints and read models. */
  readonly schema: string;
  readonly kafkaBrokers: readonly string[];
  /** Prepended to every topic name; lets test runs share one broker without seeing each other. */
  readonly topicPrefix: string;
  readonly topicPartitions: number;
  /** Where the events live: the service's PostgreSQL schema (default) or EventStoreDB. */
  readonly eventStore: EventStoreChoice;
}

export type EventStoreChoice = { readonly kind: 'postgres' } | { readonly kind: 'eventstoredb'; readonly connectionString: string };

const eventStoreFrom = (env: NodeJS.ProcessEnv): EventStoreChoice => {
  const kind = env.EVENT_STORE ?? 'postgres';
  if (kind === 'postgres') return { kind };
  if (kind !== 'eventstoredb') throw new Error(`EVENT_STORE must be postgres or eventstoredb, got ${kind}`);
  if (!env.EVENTSTORE_CONNECTION_STRING) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://127.0.0.1:2113?tls=false)');
  return { kind, connectionString: env.EVENTSTORE_CONNECTION_STRING };
};

const DEFAULT_PORTS: Record<ServiceName, number> = {
  'union-intake': 3001,
  'secretariat-inspection': 3002,
  'permit-issuance': 3003,
};

export const readServiceConfig = (service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig => {
  const port = Number(env.PORT ?? DEFAULT_PORTS[service]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const topicPrefix = env.TOPIC_PREFIX ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) throw new Error('TOPIC_PREFIX may hold letters, digits, dot, dash and underscore');
  return {
    service,
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cctv',
    schema: env.DB_SCHEMA ?? service.replace(/-/g, '_'),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    topicPrefix,
    topicPartitions: Number(env.TOPIC_PARTITIONS ?? 6),
    eventStore: eventStoreFrom(env),
  };
};
