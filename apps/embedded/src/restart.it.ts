import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { issueDevToken } from '@cctv/nest-common';
import { spawnEmbedded } from './testing/spawn-embedded';

jest.setTimeout(240_000);

/** A clerk's token signed with the development key the embedded services made on their first start. */
const clerk = async (folder: string) => ({
  authorization: `Bearer ${await issueDevToken({ keyDir: path.join(folder, 'auth'), personId: 'clerk-reza', roles: ['union-clerk'] })}`,
});
const application = {
  owner: { kind: 'person', nationalId: '0013542419', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567' },
  premises: { kind: 'public-place', address: 'مشهد، خیابان امام رضا، فروشگاه نور', postalCode: '9134567891', residential: false },
  system: { cameras: [{ location: 'سالن فروش', fieldOfView: 'قفسه‌ها و صندوق' }], recorder: { model: 'DVR-4', retentionDays: 30 } },
  installer: { name: 'ایمن‌تصویر', guildLicenceNumber: '777' },
};

const fileOf = async (union: string, fileId: string, signedIn: Record<string, string>) => {
  const response = await fetch(`${union}/files/${fileId}`, { headers: { accept: 'application/json', ...signedIn } });
  return { status: response.status, body: response.status === 200 ? ((await response.json()) as { status: string }) : null };
};

const eventsOf = async (databaseUrl: string, fileId: string): Promise<string[]> => {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ type: string }>('SELECT type FROM union_intake.events WHERE stream_id = $1 ORDER BY stream_version', [`union-file-${fileId}`]);
    return rows.map((r) => r.type);
  } finally {
    await db.end();
  }
};

const eventually = async <T>(probe: () => Promise<T>, accept: (value: T) => boolean): Promise<T> => {
  for (const deadline = Date.now() + 20_000; ; ) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('npm start keeps its data in its data folder', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'cctv-embedded-restart-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('a file opened before a stop is found after the next start, in the read model and in the event store', async () => {
    const dataDir = path.join(folder, 'pglite');
    const first = await spawnEmbedded(dataDir);
    const signedIn = await clerk(folder);
    let fileId: string;
    try {
      const opened = await fetch(`${first.union}/files`, {
        method: 'POST',
        headers: { ...signedIn, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(application),
      });
      expect(opened.status).toBe(201);
      fileId = ((await opened.json()) as { fileId: string }).fileId;
      expect((await eventually(() => fileOf(first.union, fileId, signedIn), (f) => f.status === 200)).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await spawnEmbedded(dataDir);
    try {
      const file = await fileOf(second.union, fileId, signedIn);
      expect(file.status).toBe(200);
      expect(file.body?.status).toBe('open');
      expect(await eventsOf(second.databaseUrl, fileId)).toEqual(['FileOpened']);
    } finally {
      await second.stop();
    }
  });

  it('with --fresh it starts empty', async () => {
    const dataDir = path.join(folder, 'pglite');
    const again = await spawnEmbedded(dataDir, ['--fresh']);
    try {
      const db = new Client({ connectionString: again.databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM union_intake.events');
      await db.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await again.stop();
    }
  });
});
