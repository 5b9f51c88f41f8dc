import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SyncBoundQueryQueue } from './sync-bound-query-queue';

export interface EmbeddedDatabase {
  /** A connection string the unchanged `pg` and TypeORM code uses. */
  readonly url: string;
  readonly dataDir: string;
  readonly port: number;
  /** Stops answering and closes PGlite, which writes everything to the data folder. */
  close(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, in this process, its data in `dataDir`,
 * served on a local port so that every service reaches it the way it reaches
 * a PostgreSQL server. One backend answers every connection, one query at a
 * time: while one connection is inside a transaction the others' queries wait,
 * so transactions stay isolated, but nothing runs in parallel. Session state
 * is shared too — prepared-statement names, advisory locks, LISTEN — so the
 * event store sends unnamed statements and followers poll here.
 */
export const openEmbeddedDatabase = async (options: { dataDir: string; port?: number; host?: string }): Promise<EmbeddedDatabase> => {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const unlock = lockDataDir(dataDir);
  let db: PGlite | null = null;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir);
    const port = options.port ?? (await freePort(host));
    const server = new PGLiteSocketServer({ db, host, port, maxConnections: 50 });
    // Its connections are created with the server's queue: swap it before the first one arrives.
    (server as unknown as { queryQueue: SyncBoundQueryQueue }).queryQueue = new SyncBoundQueryQueue(db);
    await server.start();
    const opened = db;
    let closing: Promise<void> | null = null;
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      dataDir,
      port,
      close: () =>
        (closing ??= (async () => {
          await server.stop().catch(() => undefined);
          await opened.close();
          unlock();
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
};

/**
 * PGlite does not guard its folder: two processes writing one data folder
 * would corrupt it. A file beside the folder names the process that has it open.
 */
const lockDataDir = (dataDir: string): (() => void) => {
  const lockFile = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`the data folder ${dataDir} is in use by process ${holder}; stop it first, or choose another DATA_DIR`);
    }
    // Left behind by a process that is gone.
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A port nothing listens on right now. */
export const freePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Whether something already listens on the port. */
export const portInUse = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
