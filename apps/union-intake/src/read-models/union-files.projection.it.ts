import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { IntegrationEvent } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { FilesQueryController } from './files-query.controller';
import { unionFilesProjection } from './union-files.projection';
import { TimelineEntryRow, UnionFileRow } from './union-file.row';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `union_rm_${randomBytes(4).toString('hex')}`;
let db: DataSource;
let position = 0;

const fileId = randomUUID();
const meta = (at: string) => ({ occurredAt: at, correlationId: 'c', causationId: null, actor: { personId: 'clerk-1', role: 'union-clerk' as const } });

const own = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: randomUUID(), type, schemaVersion: 1, data: { fileId, ...data }, metadata: meta(String(data.at)),
  streamId: `union-file-${fileId}`, streamVersion: position, position: String(position++),
});

const received = (type: string, data: Record<string, unknown>): RecordedEvent => {
  const envelope: IntegrationEvent = {
    eventId: randomUUID(), type, schemaVersion: 1, source: type.startsWith('issuance.') ? 'permit-issuance' : 'secretariat-inspection',
    aggregateId: fileId, occurredAt: String(data.at), correlationId: 'c', causationId: null,
    actor: { personId: 'officer-1', role: 'secretariat-officer' }, data: { fileId, ...data },
  };
  // As the inbox stores it: the sender's actor and correlation in the metadata.
  return { eventId: envelope.eventId, type, schemaVersion: 1, data: envelope, metadata: { ...meta(String(data.at)), actor: envelope.actor }, streamId: `inbox-x-${fileId}`, streamVersion: 0, position: String(position++) };
};

const opened = own('FileOpened', {
  fileNumber: 'U-1404-000042',
  owner: { kind: 'person', nationalId: '0013542419', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567' },
  premises: { kind: 'shared-building', address: 'مشهد، کوچه کریمی', postalCode: '9177948974', residential: true, residentialUnits: 8 },
  system: { cameras: [{ location: 'لابی', fieldOfView: 'ورودی' }], recorder: { model: 'NVR', retentionDays: 30 } },
  installer: { name: 'توس', guildLicenceNumber: '1' },
  requiredDocuments: ['camera-plan'],
  at: '2025-05-01T06:00:00.000Z',
});

const log: RecordedEvent[] = [];
const apply = async (...events: RecordedEvent[]) => {
  for (const event of events) {
    log.push(event);
    await db.transaction((em) => unionFilesProjection.apply(event, em));
  }
};

beforeAll(async () => {
  db = new DataSource({ type: 'postgres', url, schema, entities: [UnionFileRow, TimelineEntryRow], synchronize: false });
  await db.initialize();
  await db.query(`CREATE SCHEMA "${schema}"`);
  await db.synchronize();
});

afterAll(async () => {
  await db.query(`DROP SCHEMA "${schema}" CASCADE`);
  await db.destroy();
});

describe('the union’s files read model', () => {
  const queries = () => new FilesQueryController(db);
  const clerk = { actor: { personId: 'clerk-1', role: 'union-clerk' as const }, correlationId: 'c-1' };
  const ownerWith = (nationalId?: string) => ({ actor: { personId: 'owner-1', role: 'owner' as const }, correlationId: 'c-2', ...(nationalId ? { nationalId } : {}) });

  it('finds a file by either spelling of ی/ک in the owner’s name and address, and by national ID', async () => {
    await apply(opened, own('DocumentSubmitted', { documentKind: 'camera-plan', reference: 'scan-1', at: '2025-05-01T06:05:00.000Z' }));
    for (const q of [{ name: 'احمدي' }, { name: 'احمدی' }, { address: 'كوچه كريمي' }, { address: 'کوچه کریمی' }, { nationalId: '0013542419' }]) {
      expect((await queries().search(q, clerk)).files.map((f) => f.fileId)).toEqual([fileId]);
    }
    expect((await queries().search({ name: 'رضایی' }, clerk)).files).toEqual([]);
    const file = await queries().one(fileId, clerk);
    expect(file.documents).toEqual([expect.objectContaining({ kind: 'camera-plan', status: 'submitted', reference: 'scan-1' })]);
    expect(file.timeline.map((t) => t.atJalali)).toEqual(['1404/02/11', '1404/02/11']);
  });

  it('shows an owner their own files only, whatever they search for, and refuses them anyone else’s', async () => {
    expect((await queries().search({}, ownerWith('۰۰۱۳۵۴۲۴۱۹'))).files.map((f) => f.fileId)).toEqual([fileId]);
    expect((await queries().search({ nationalId: '0067749828' }, ownerWith('0067749828'))).files).toEqual([]);
    expect((await queries().search({}, ownerWith('0067749828'))).total).toBe(0);
    expect((await queries().one(fileId, ownerWith('0013542419'))).fileId).toBe(fileId);
    await expect(queries().one(fileId, ownerWith('0067749828'))).rejects.toMatchObject({ kind: 'forbidden', code: 'not-your-file' });
    await expect(queries().one(randomUUID(), ownerWith('0013542419'))).rejects.toMatchObject({ kind: 'forbidden', code: 'not-your-file' });
    await expect(queries().search({}, ownerWith())).rejects.toMatchObject({ code: 'owner-without-national-id' });
  });

  it('shows what the other offices did, and a permit the secretariat revoked stays revoked when the register’s news comes late', async () => {
    const permitId = randomUUID();
    await apply(
      own('InstallationApproved', { fileNumber: 'U-1404-000042', premisesKind: 'shared-building', residential: true, residentialUnits: 8, cameraCount: 1, at: '2025-05-02T06:00:00.000Z' }),
      received('secretariat.OperationPermitGranted.v1', { permitId, kind: 'main', at: '2025-06-01T06:00:00.000Z' }),
      received('secretariat.PermitRevoked.v1', { permitId, reason: 'دید به منازل', at: '2025-06-03T06:00:00.000Z' }),
      received('issuance.PermitIssued.v1', { permitId, permitNumber: 'KR-OM-1404-000001', permitType: 'operation', kind: 'main', validThroughJalali: '1406/03/10', at: '2025-06-01T06:00:01.000Z' }),
    );
    const file = await queries().one(fileId, clerk);
    expect(file.status).toBe('revoked');
    expect(file.operationPermitNumber).toBe('KR-OM-1404-000001');
    // the timeline reads in the order things happened, not the order the news arrived
    expect(file.timeline.map((t) => t.office)).toEqual(['union', 'union', 'union', 'secretariat', 'issuance', 'secretariat']);
    // who took each step, in which role, when, and the request that caused it
    expect(file.timeline[0]).toMatchObject({ at: '2025-05-01T06:00:00.000Z', atJalali: '1404/02/11', actor: { role: 'union-clerk', roleFa: 'کارشناس اتحادیه', personId: 'clerk-1' }, correlationId: 'c' });
    expect(file.timeline[3]).toMatchObject({ office: 'secretariat', actor: { role: 'secretariat-officer', personId: 'officer-1' } });
  });

  it('is rebuilt the same from position zero', async () => {
    const before = await queries().one(fileId, clerk);
    await db.transaction((em) => unionFilesProjection.reset(em));
    expect((await queries().search({}, clerk)).total).toBe(0);
    await db.transaction(async (em) => {
      for (const event of log) await unionFilesProjection.apply(event, em);
    });
    expect(await queries().one(fileId, clerk)).toEqual(before);
  });

  it('is the same when the whole log is applied as one batch', async () => {
    const before = await queries().one(fileId, clerk);
    await db.transaction(async (em) => {
      await unionFilesProjection.reset(em);
      await unionFilesProjection.applyBatch(log, em);
    });
    expect(await queries().one(fileId, clerk)).toEqual(before);
  });
});
