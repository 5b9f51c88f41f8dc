import { spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

export interface ServedPglite {
  readonly url: string;
  stop(): Promise<void>;
}

/** PGlite on `dataDir`, behind its socket, in a child process; resolves once it answers. */
export const spawnPglite = (dataDir: string): Promise<ServedPglite> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/embedded/src/testing/serve-pglite.ts', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      resolve({
        url: JSON.parse(line).url,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`PGlite exited with ${code}: ${err.trim()}`)));
  });
