import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../embedded-database';

const root = path.resolve(__dirname, '../../../..');

export interface SpawnedEmbedded {
  readonly union: string;
  readonly databaseUrl: string;
  /** SIGTERM, as Ctrl-C would, and wait for the process to end; its exit code. */
  stop(): Promise<number | null>;
}

/** `npm start` in a child process on free ports and the given data folder; resolves once every office is ready. */
export const spawnEmbedded = async (dataDir: string, args: string[] = []): Promise<SpawnedEmbedded> => {
  const ports = [await freePort(), await freePort(), await freePort()];
  const databasePort = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/embedded/src/main.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      // The development signing key beside the data, so that the test signs its tokens with it.
      AUTH_DEV_KEY_DIR: path.join(path.dirname(dataDir), 'auth'),
      AUTH_JWKS_URL: '',
      AUTH_PUBLIC_KEY_FILE: '',
      AUTH_ISSUER: '',
      AUTH_AUDIENCE: '',
      EMBEDDED_PG_PORT: String(databasePort),
      UNION_INTAKE_PORT: String(ports[0]),
      SECRETARIAT_INSPECTION_PORT: String(ports[1]),
      PERMIT_ISSUANCE_PORT: String(ports[2]),
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      FRESH: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + 120_000;
  try {
    for (const port of ports) {
      while (!(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200, () => false))) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${tail.join('\n')}`);
        if (Date.now() > deadline) throw new Error(`npm start not ready in time:\n${tail.join('\n')}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { union: `http://127.0.0.1:${ports[0]}`, databaseUrl: `postgres://postgres@127.0.0.1:${databasePort}/postgres`, stop };
};
