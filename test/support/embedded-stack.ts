import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { TokenSigner } from './http';
import { freePort, type RunningStack } from './stack';

/** Tokens as a developer gets them for `npm start`: `npm run -s token -- --role … --person …`, signed with the key the services made. */
const npmRunToken = (keyDir: string): TokenSigner => async (actor) => {
  const args = ['run', '-s', 'token', '--', '--role', actor.role, '--person', actor.id, ...(actor.nationalId ? ['--national-id', actor.nationalId] : [])];
  const { stdout } = await promisify(execFile)('npm', args, { cwd: root, env: { ...process.env, AUTH_DEV_KEY_DIR: keyDir } });
  return stdout.trim();
};

const root = path.resolve(__dirname, '../..');

/**
 * `npm start`'s one process — PGlite and the in-process bus — spawned as a
 * newcomer would run it, on free ports and an empty temporary data folder.
 */
export const startEmbeddedStack = async (): Promise<RunningStack> => {
  const [unionPort, secretariatPort, issuancePort, databasePort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cctv-embedded-e2e-'));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/embedded/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: path.join(dataDir, 'pglite'),
      EMBEDDED_PG_PORT: String(databasePort),
      UNION_INTAKE_PORT: String(unionPort),
      SECRETARIAT_INSPECTION_PORT: String(secretariatPort),
      PERMIT_ISSUANCE_PORT: String(issuancePort),
      // Nothing real, whatever the environment of the test run says.
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      TOPIC_PREFIX: '',
      LAPSE_SWEEP_INTERVAL_MS: '1000',
      AUTH_DEV_KEY_DIR: path.join(dataDir, 'auth'),
      AUTH_JWKS_URL: '',
      AUTH_PUBLIC_KEY_FILE: '',
      AUTH_ISSUER: '',
      AUTH_AUDIENCE: '',
    },
    stdio: ['ignore', process.env.E2E_VERBOSE ? 'inherit' : 'pipe', process.env.E2E_VERBOSE ? 'inherit' : 'pipe'],
  });
  const tail: string[] = [];
  const logs: string[] = [];
  const keep = (chunk: Buffer) => {
    const fresh = chunk.toString('utf8').split('\n').filter(Boolean);
    logs.push(...fresh);
    tail.push(...fresh);
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const urls = [unionPort, secretariatPort, issuancePort].map((port) => `http://127.0.0.1:${port}`);
  try {
    const deadline = Date.now() + 120_000;
    for (const url of urls) {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${tail.join('\n')}`);
        if (Date.now() > deadline) throw new Error(`npm start not ready in time:\n${tail.join('\n')}`);
        const ready = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
        if (ready) break;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } catch (error) {
    await stopChild();
    throw error;
  }
  const databaseUrl = `postgres://postgres@127.0.0.1:${databasePort}/postgres`;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    kind: 'embedded',
    union: urls[0],
    secretariat: urls[1],
    issuance: urls[2],
    databaseUrl,
    topicPrefix: '',
    kafkaBrokers: null,
    db,
    sign: npmRunToken(path.join(dataDir, 'auth')),
    logs: () => logs,
    stop: async () => {
      await db.end().catch(() => undefined);
      await stopChild();
    },
  };
};
