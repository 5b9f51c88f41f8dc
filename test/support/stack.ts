import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureDevKey, issueDevToken } from '@cctv/nest-common';
import type { TokenSigner } from './http';
import { createServer, type AddressInfo } from 'node:net';
import { Client } from 'pg';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServices } = require('../../tools/stack.js');

export interface RunningStack {
  /** 'processes': three services on PostgreSQL and Kafka; 'embedded': `npm start`, one process. */
  readonly kind: 'processes' | 'embedded';
  readonly union: string;
  readonly secretariat: string;
  readonly issuance: string;
  readonly databaseUrl: string;
  readonly topicPrefix: string;
  /** Where the public topics can be read; `null` when the bus is inside the process. */
  readonly kafkaBrokers: string[] | null;
  /** A connection to the stack's database (every service's schema). */
  readonly db: Client;
  /** Signs tokens the stack's services trust. */
  readonly sign: TokenSigner;
  /** Every line the services wrote to stdout and stderr so far. */
  logs(): readonly string[];
  stop(): Promise<void>;
}

/** The issuer the three-process stack is configured with, as an operator would point it at their identity provider. */
export const TEST_ISSUER = 'https://id.example.ir/realms/cctv';

/**
 * An identity provider stand-in: a key pair whose public half the services
 * read from a JWKS file (`AUTH_PUBLIC_KEY_FILE`), the same path an operator
 * uses with a key exported from Keycloak; the test signs with the private half.
 */
const identityProvider = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cctv-idp-'));
  const key = await ensureDevKey(dir);
  const jwksFile = path.join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [key.publicJwk] }));
  const sign: TokenSigner = (actor) => issueDevToken({
    keyDir: dir, issuer: TEST_ISSUER, personId: actor.id, roles: [actor.role as never],
    ...(actor.nationalId ? { nationalId: actor.nationalId } : {}),
  });
  return {
    env: { AUTH_PUBLIC_KEY_FILE: jwksFile, AUTH_ISSUER: TEST_ISSUER, AUTH_AUDIENCE: 'cctv-permits', AUTH_JWKS_URL: '', AUTH_DEV_KEY_DIR: '' },
    sign,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

const ADMIN_URL = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A port nobody listens on right now, so that runs beside a local stack or another test run do not collide. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * The three services as separate processes on a fresh database and fresh topic
 * names, against the real PostgreSQL and the real Kafka broker.
 */
export const startStack = async (): Promise<RunningStack> => {
  const ports = [await freePort(), await freePort(), await freePort()];
  const run = randomBytes(4).toString('hex');
  const database = `cctv_e2e_${run}`;
  const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
  const topicPrefix = `e2e-${run}.`;
  const kafkaBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const dropDatabase = async () => {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  };
  const idp = await identityProvider();
  const logs: string[] = [];
  // A stack that fails to start leaves no database behind.
  const stack = await startServices({
    databaseUrl,
    topicPrefix,
    kafkaBrokers,
    ports: { 'union-intake': ports[0], 'secretariat-inspection': ports[1], 'permit-issuance': ports[2] },
    // One owner-reference secret for the union and the secretariat, as an operator sets it for both.
    env: { TOPIC_PARTITIONS: '3', LAPSE_SWEEP_INTERVAL_MS: '1000', OWNER_REF_SECRET: randomBytes(32).toString('base64url'), ...idp.env },
    output: process.env.E2E_VERBOSE ? 'inherit' : 'pipe',
    onLine: (_service: string, line: string) => logs.push(line),
  }).catch(async (error: unknown) => {
    await dropDatabase().catch(() => undefined);
    idp.remove();
    throw error;
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    kind: 'processes',
    union: stack.urls['union-intake'],
    secretariat: stack.urls['secretariat-inspection'],
    issuance: stack.urls['permit-issuance'],
    databaseUrl,
    topicPrefix,
    kafkaBrokers: kafkaBrokers.split(','),
    db,
    sign: idp.sign,
    logs: () => logs,
    stop: async () => {
      await db.end();
      await stack.stop();
      await dropDatabase();
      idp.remove();
    },
  };
};
