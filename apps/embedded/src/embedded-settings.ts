import * as path from 'node:path';
import type { ServiceName } from '@cctv/contracts';

/** What `npm start` reads from its arguments and environment. */
export interface EmbeddedSettings {
  /** PGlite's folder; unused when `databaseUrl` is given. */
  readonly dataDir: string;
  /** Delete the data folder before starting. */
  readonly fresh: boolean;
  /** A real PostgreSQL instead of PGlite. */
  readonly databaseUrl: string | null;
  /** Real Kafka instead of the in-process bus; empty for the in-process bus. */
  readonly kafkaBrokers: readonly string[];
  /** PGlite's local port; `null`: 5439, or any free port if that one is taken. */
  readonly databasePort: number | null;
  readonly host: string;
  readonly ports: Readonly<Record<ServiceName, number>>;
  readonly topicPrefix: string;
  readonly topicPartitions: number;
}

export const DEFAULT_DATA_DIR = '.data/pglite';
export const DEFAULT_DATABASE_PORT = 5439;

const PORT_VARIABLES: Record<ServiceName, [string, number]> = {
  'union-intake': ['UNION_INTAKE_PORT', 3001],
  'secretariat-inspection': ['SECRETARIAT_INSPECTION_PORT', 3002],
  'permit-issuance': ['PERMIT_ISSUANCE_PORT', 3003],
};

const portFrom = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got ${value}`);
  return port;
};

const yes = (value: string | undefined) => value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());

export const readEmbeddedSettings = (argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EmbeddedSettings => {
  const unknown = argv.filter((a) => a !== '--fresh');
  if (unknown.length) throw new Error(`unknown argument ${unknown[0]}; the only one is --fresh`);
  const topicPrefix = env.TOPIC_PREFIX ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) throw new Error('TOPIC_PREFIX may hold letters, digits, dot, dash and underscore');
  return {
    dataDir: path.resolve(cwd, env.DATA_DIR || DEFAULT_DATA_DIR),
    fresh: argv.includes('--fresh') || yes(env.FRESH),
    databaseUrl: env.DATABASE_URL || null,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean),
    databasePort: env.EMBEDDED_PG_PORT ? portFrom('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, DEFAULT_DATABASE_PORT) : null,
    host: env.HOST ?? '127.0.0.1',
    ports: Object.fromEntries(
      Object.entries(PORT_VARIABLES).map(([service, [name, fallback]]) => [service, portFrom(name, env[name], fallback)]),
    ) as Record<ServiceName, number>,
    topicPrefix,
    topicPartitions: Number(env.TOPIC_PARTITIONS ?? 6),
  };
};
