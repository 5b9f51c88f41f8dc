import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { IntegrationEvent } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { statisticsPeriodOf } from '@cctv/nest-common';
import { unionFilesProjection } from '../read-models/union-files.projection';
import { TimelineEntryRow, UnionFileRow } from '../read-models/union-file.row';
import { UnionStatisticsQuery } from './union-statistics.query';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `union_stats_${randomBytes(4).toString('hex')}`;
let db: DataSource;
let position = 0;

const meta = (at: string) => ({ occurredAt: at, correlationId: 'c', causationId: null, actor: { personId: 'clerk-1', role: 'union-clerk' as const } });

const own = (fileId: string, type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: randomUUID(), type, schemaVersion: 1, data: { fileId, ...data }, metadata: meta(String(data.at)),
  streamId: `union-file-${fileId}`, streamVersion: position, position: String(position++),
});

const received = (fileId: string, type: string, data: Record<string, unknown>): RecordedEvent => {
  const envelope: IntegrationEvent = {
    eventId: randomUUID(), type, schemaVersion: 1, source: 'secretariat-inspection', aggregateId: fileId, occurredAt: String(data.at),
    correlationId: 'c', causationId: null, actor: { personId: 'officer-1', role: 'secretariat-officer' }, data: { fileId, ...data },
  };
  return { eventId: envelope.eventId, type, schemaVersion: 1, data: envelope, metadata: meta(String(data.at)), streamId: `inbox-x-${fileId}`, streamVersion: 0, position: String(position++) };
};

/** Who the files belong to: none of it may appear in the statistics. */
const people = [
  { nationalId: '0013542419', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567', address: 'مشهد، کوچه کریمی، پلاک ۴', postalCode: '9177948974' },
  { nationalId: '0067749828', firstName: 'حسین', lastName: 'رضایی', mobile: '09351112233', address: 'مشهد، خیابان امام رضا، فروشگاه نور', postalCode: '9134567891' },
];

const opened = (fileId: string, n: number, kind: 'shared-building' | 'public-place', at: string) => {
  const p = people[n % 2];
  return own(fileId, 'FileOpened', {
    fileNumber: `U-1404-00077${n}`,
    owner: { kind: 'person', nationalId: p.nationalId, firstName: p.firstName, lastName: p.lastName, mobile: p.mobile },
    premises: { kind, address: p.address, postalCode: p.postalCode, residential: kind === 'shared-building', residentialUnits: kind === 'shared-building' ? 6 : null },
    system: { cameras: [{ location: 'لابی', fieldOfView: 'ورودی' }], recorder: { model: 'NVR', retentionDays: 30 } },
    installer: { name: 'توس', guildLicenceNumber: '1' },
    requiredDocuments: ['camera-plan'],
    at,
  });
};

const files = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const [f1, f2, f3, f4] = files;
const approval = (fileId: string, at: string) =>
  own(fileId, 'InstallationApproved', { fileNumber: 'x', premisesKind: 'shared-building', residential: true, residentialUnits: 6, cameraCount: 1, at });
const reRequest = (fileId: string, at: string) => own(fileId, 'DocumentRequestedAgain', { documentKind: 'camera-plan', reason: 'ناخوانا', at });

// 1: approved two days after opening (1404/02/11 → 13), one document asked again.
// 2: a public place refused ten days after opening (1404/02/20).
// 3: approved four days after opening (1404/03/11), now in the secretariat's signing queue.
// 4: still open (1404/03/12), a document asked again twice.
const events: RecordedEvent[] = [
  opened(f1, 1, 'shared-building', '2025-05-01T06:00:00.000Z'),
  reRequest(f1, '2025-05-02T06:00:00.000Z'),
  approval(f1, '2025-05-03T06:00:00.000Z'),
  opened(f2, 2, 'public-place', '2025-05-10T06:00:00.000Z'),
  own(f2, 'InstallationRefused', { reasons: ['دید به منازل'], at: '2025-05-20T06:00:00.000Z' }),
  opened(f3, 3, 'shared-building', '2025-06-01T06:00:00.000Z'),
  approval(f3, '2025-06-05T06:00:00.000Z'),
  received(f3, 'secretariat.InstallationQueuedForSigning.v1', { at: '2025-06-05T07:00:00.000Z' }),
  opened(f4, 4, 'shared-building', '2025-06-02T06:00:00.000Z'),
  reRequest(f4, '2025-06-03T06:00:00.000Z'),
  reRequest(f4, '2025-06-04T06:00:00.000Z'),
];

const clock = { now: () => new Date('2025-07-01T08:00:00.000Z') }; // 1404/04/10
const query = () => new UnionStatisticsQuery(db, clock);

beforeAll(async () => {
  db = new DataSource({ type: 'postgres', url, schema, entities: [UnionFileRow, TimelineEntryRow], synchronize: false });
  await db.initialize();
  await db.query(`CREATE SCHEMA "${schema}"`);
  await db.synchronize();
  for (const event of events) await db.transaction((em) => unionFilesProjection.apply(event, em));
});

afterAll(async () => {
  await db.query(`DROP SCHEMA "${schema}" CASCADE`);
  await db.destroy();
});

describe('the union’s statistics for analysts', () => {
  it('counts files by status and premises, per Jalali month, and the days to a decision', async () => {
    const stats = await query().statistics({ from: null, to: null });
    expect(stats.asOfJalali).toBe('1404/04/10');
    expect(stats.files.total).toBe(4);
    expect(stats.files.byStatus).toEqual([
      { status: 'approved', statusFa: 'تأیید اتحادیه، در انتظار امضای دبیرخانه', count: 1 },
      { status: 'awaiting-signature', statusFa: 'در صف امضای دبیرخانه', count: 1 },
      { status: 'open', statusFa: 'در حال بررسی مدارک', count: 1 },
      { status: 'refused', statusFa: 'رد شده توسط اتحادیه', count: 1 },
    ]);
    expect(stats.files.byPremisesKind).toEqual([
      { premisesKind: 'public-place', premisesKindFa: 'مکان عمومی', count: 1 },
      { premisesKind: 'shared-building', premisesKindFa: 'مشاعات ساختمان', count: 3 },
    ]);
    expect(stats.openedPerMonth).toHaveLength(12);
    expect(stats.openedPerMonth[0].month).toBe('1403/05');
    expect(stats.openedPerMonth.slice(-3).map((m) => [m.month, m.count])).toEqual([['1404/02', 2], ['1404/03', 2], ['1404/04', 0]]);
    expect(stats.openedPerMonth[10].start).toBe('2025-05-21T20:30:00.000Z'); // Tehran midnight starting 1404/03/01
    expect(stats.daysFromOpeningToDecision.approved).toMatchObject({ count: 2, medianDays: 3, p90Days: 3.8 });
    expect(stats.daysFromOpeningToDecision.refused).toMatchObject({ count: 1, medianDays: 10, p90Days: 10 });
    expect(stats.documentsRequestedAgain).toMatchObject({ count: 3, files: 2 });
  });

  it('narrows to the files opened in a period, Tehran days, the last one included', async () => {
    const stats = await query().statistics(statisticsPeriodOf({ from: '2025-06-01', to: '2025-06-02' }));
    expect(stats.period).toEqual({ from: '2025-05-31T20:30:00.000Z', fromJalali: '1404/03/11', to: '2025-06-02T20:30:00.000Z', toJalali: '1404/03/13' });
    expect(stats.files.total).toBe(2);
    expect(stats.daysFromOpeningToDecision.approved).toMatchObject({ count: 1, medianDays: 4 });
    expect(stats.daysFromOpeningToDecision.refused).toMatchObject({ count: 0, medianDays: null, p90Days: null });
    expect(stats.documentsRequestedAgain.count).toBe(0); // asked on 1404/03/13 and 14, after the period
    expect(() => statisticsPeriodOf({ from: '2025-06-02', to: '2025-06-01' })).toThrow(expect.objectContaining({ kind: 'invalid', field: 'to' }));
  });

  it('says nothing about people or which file is which', async () => {
    const json = JSON.stringify(await query().statistics({ from: null, to: null }));
    const secrets = [
      ...people.flatMap((p) => [p.nationalId, p.firstName, p.lastName, p.mobile, p.address, p.postalCode, p.mobile.slice(1)]),
      ...files, 'U-1404', 'clerk-1', 'officer-1',
    ];
    for (const secret of secrets) expect(json).not.toContain(secret);
  });
});
