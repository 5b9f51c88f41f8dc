import * as fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ACCESS, type ServiceName } from '@cctv/contracts';
import { InProcessBus, type MessageBus } from '@cctv/messaging';
import { createServiceApp, listen } from '@cctv/nest-common';
import { hostInThisProcess, type RuntimeHosting } from '@cctv/service-runtime';
import { DEFAULT_DATABASE_PORT, type EmbeddedSettings } from './embedded-settings';
import { freePort, openEmbeddedDatabase, portInUse, type EmbeddedDatabase } from './embedded-database';
import { OFFICES } from './offices';

/** Appends wake the followers directly; this only bounds how late a missed wake-up is noticed. */
const PGLITE_IDLE_WAIT_MS = 500;
/** PGlite answers one query at a time; more connections would only queue. */
const PGLITE_POOL_SIZE = 4;

export interface EmbeddedStack {
  readonly urls: Readonly<Record<ServiceName, string>>;
  /** PGlite's folder; `null` on a real PostgreSQL. */
  readonly dataDir: string | null;
  readonly databaseUrl: string;
  /** 'in-process' or the Kafka brokers. */
  readonly bus: string;
  stop(): Promise<void>;
}

/**
 * The three offices in this process, each a Nest application on its own port
 * with its own runtime, sharing one database (each in its own schema) and one
 * bus: PGlite and the in-process bus unless a PostgreSQL URL or Kafka brokers
 * are given.
 */
export const startEmbedded = async (settings: EmbeddedSettings): Promise<EmbeddedStack> => {
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    let database: EmbeddedDatabase | null = null;
    let databaseUrl: string;
    if (settings.databaseUrl) {
      databaseUrl = settings.databaseUrl;
      await ensureDatabase(databaseUrl);
    } else {
      if (settings.fresh) fs.rmSync(settings.dataDir, { recursive: true, force: true });
      database = await openEmbeddedDatabase({ dataDir: settings.dataDir, port: await databasePort(settings) });
      const opened = database;
      cleanups.push(() => opened.close());
      databaseUrl = database.url;
    }

    let bus: MessageBus | undefined;
    if (!settings.kafkaBrokers.length) {
      const shared = new InProcessBus();
      cleanups.push(() => shared.close());
      bus = shared;
    }
    const hosting: RuntimeHosting = database
      ? { bus, singleBackendDatabase: true, poolSize: PGLITE_POOL_SIZE, idleWaitMs: PGLITE_IDLE_WAIT_MS }
      : { bus };

    const urls = {} as Record<ServiceName, string>;
    for (const office of OFFICES) {
      const port = settings.ports[office.service];
      const unhost = hostInThisProcess(office.service, {
        ...hosting,
        config: {
          service: office.service,
          port,
          host: settings.host,
          databaseUrl,
          schema: office.service.replace(/-/g, '_'),
          kafkaBrokers: settings.kafkaBrokers,
          topicPrefix: settings.topicPrefix,
          topicPartitions: settings.topicPartitions,
          // Nothing but Node.js: the events stay in the embedded database.
          eventStore: { kind: 'postgres' },
        },
      });
      cleanups.push(async () => unhost());
      const options = { name: office.service, title: office.title, description: office.description, access: ACCESS[office.service], port, host: settings.host };
      const app = await createServiceApp(office.module, options);
      leaveSignalsToTheLauncher(app);
      cleanups.push(() => app.close());
      await listen(app, options);
      urls[office.service] = `http://${settings.host}:${port}`;
    }
    return {
      urls,
      dataDir: database ? database.dataDir : null,
      databaseUrl,
      bus: bus ? 'in-process' : settings.kafkaBrokers.join(','),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
};

/**
 * Each application stops the process once it has closed itself on a signal;
 * with three in one process the first would end it before the others and
 * PGlite have closed. The launcher closes them all, then the database.
 */
const leaveSignalsToTheLauncher = (app: INestApplication): void => {
  (app as unknown as { unsubscribeFromProcessSignals(): void }).unsubscribeFromProcessSignals();
};

const databasePort = async (settings: EmbeddedSettings): Promise<number> => {
  if (settings.databasePort !== null) {
    if (await portInUse(settings.databasePort, settings.host)) throw new Error(`EMBEDDED_PG_PORT ${settings.databasePort} is in use`);
    return settings.databasePort;
  }
  return (await portInUse(DEFAULT_DATABASE_PORT, settings.host)) ? freePort(settings.host) : DEFAULT_DATABASE_PORT;
};

/** A real PostgreSQL: the database named in the URL is created when missing. */
const ensureDatabase = async (databaseUrl: string): Promise<void> => {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name || name === 'postgres') return;
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};
