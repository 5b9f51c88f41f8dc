import type { IssuancePermitIssuedV1 } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { DomainError } from '@cctv/kernel';
import { CHECKLIST_LABELS_FA, checklistFor, type SecretariatFileEvent } from '@cctv/secretariat-domain';
import { officeDatabase } from '../testing/office-database';
import { at, CONTACT_MOBILE, DEFICIENCIES, fileStory, inboxEvent, recordedFileEvents, SITE_ADDRESS, storyIds, type StoryIds } from '../testing/file-story';
import { FileViewQuery } from './files/file-view.query';
import { InspectionsQuery } from './inspections/inspections.query';
import { OperationRequestsQuery } from './operation-requests/operation-requests.query';
import { PermitsQuery } from './permits/permits.query';
import { SECRETARIAT_OFFICE_ENTITIES, secretariatOfficeProjection } from './secretariat-office.projection';
import { SigningQueueQuery } from './signing-queue/signing-queue.query';

const DAY_MS = 86_400_000;
const { schema, db, open, close } = officeDatabase('secretariat_rm');

// Files stopped at different steps of the same story (see file-story.ts for the commands in order).
const files = {
  queued: { ids: storyIds('queued'), steps: 1 },
  requested: { ids: storyIds('requested'), steps: 3 },
  scheduled: { ids: storyIds('scheduled'), steps: 4 },
  temporary: { ids: storyIds('temporary'), steps: 6 },
  remediated: { ids: storyIds('remediated'), steps: 7 },
  stillDeficient: { ids: storyIds('still-deficient'), steps: 9, reinspectionFinds: [DEFICIENCIES[1]] },
  main: { ids: storyIds('main'), steps: 10 },
  whole: { ids: storyIds('whole'), steps: 13 },
};

const granted = (events: readonly SecretariatFileEvent[]) =>
  events.flatMap((e) => (e.type === 'OperationPermitGranted' ? [e.data] : []));

/** The register numbers every permit the secretariat signed, as its public PermitIssued says. */
const numbered = (ids: StoryIds, events: readonly SecretariatFileEvent[]): RecordedEvent[] => {
  const issued = (data: Omit<IssuancePermitIssuedV1, 'fileId' | 'issuedOnJalali' | 'at'>) =>
    inboxEvent('issuance.PermitIssued.v1', { ...data, fileId: ids.fileId, issuedOnJalali: '1404/01/01', at: data.issuedAt }, data.permitId);
  const signed = events.find((e) => e.type === 'InstallationPermitSigned');
  return [
    ...(signed?.type === 'InstallationPermitSigned'
      ? [issued({
          permitId: signed.data.installationPermitId, permitNumber: `KR-IN-1404-${ids.fileNumber.slice(-6)}`, permitType: 'installation', kind: 'installation',
          hologramSerial: signed.data.hologramSerial, supersedesPermitId: null, issuedAt: signed.data.at, validUntil: signed.data.validUntil, validThroughJalali: signed.data.validThrough,
        })]
      : []),
    ...granted(events).map((g) =>
      issued({
        permitId: g.permitId, permitNumber: `KR-${g.kind === 'main' ? 'OP' : 'TP'}-${g.permitId.slice(0, 6)}`, permitType: 'operation', kind: g.kind,
        hologramSerial: g.hologramSerial, supersedesPermitId: g.supersedesPermitId, issuedAt: g.at, validUntil: g.validUntil, validThroughJalali: g.validThrough,
      }),
    ),
  ];
};

const approvalOf = (ids: StoryIds) =>
  inboxEvent(
    'union.InstallationApproved.v1',
    { fileId: ids.fileId, fileNumber: ids.fileNumber, premisesKind: 'shared-building', residential: true, residentialUnits: 12, cameraCount: 6, at: '2025-04-05T05:00:00.000Z' },
    ids.fileId,
  );

const clock = { instant: new Date(), now: () => clock.instant };
const asOf = (instant: Date) => {
  clock.instant = instant;
};
const queries = {
  signingQueue: new SigningQueueQuery(db),
  requests: new OperationRequestsQuery(db, clock),
  inspections: new InspectionsQuery(db),
  permits: new PermitsQuery(db, clock),
  file: new FileViewQuery(db, clock),
};

const wholeLog: RecordedEvent[] = [];
const tableContents = async () => {
  const tables: Record<string, unknown[]> = {};
  for (const entity of SECRETARIAT_OFFICE_ENTITIES) {
    const md = db.getMetadata(entity);
    const key = md.primaryColumns[0].databaseName;
    tables[md.tableName] = await db.query(`SELECT * FROM "${schema}"."${md.tableName}" ORDER BY "${key}"`);
  }
  return tables;
};

const storyEvents = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, fileStory(f.ids, f)])) as Record<keyof typeof files, SecretariatFileEvent[]>;

beforeAll(async () => {
  await open();
  for (const [name, { ids }] of Object.entries(files)) {
    const events = storyEvents[name as keyof typeof files];
    const log = [approvalOf(ids), ...recordedFileEvents(events), ...numbered(ids, events)];
    for (const event of log) await db.transaction((em) => secretariatOfficeProjection.apply(event, em));
    wholeLog.push(...log);
  }
});

afterAll(async () => {
  await close();
});

describe('the secretariat’s office read model, fed from the log', () => {
  it('the signing queue holds the files the union approved and nobody has signed yet, with the Jalali day they arrived', async () => {
    const { files: queue } = await queries.signingQueue.list();
    expect(queue).toEqual([
      expect.objectContaining({
        fileId: files.queued.ids.fileId,
        fileNumber: files.queued.ids.fileNumber,
        premisesKind: 'shared-building',
        premisesKindFa: 'مشاعات ساختمان',
        cameraCount: 6,
        queuedAt: at.queued.toISOString(),
        queuedAtJalali: '1404/01/16', // 5 April 2025
      }),
    ]);
  });

  it('requests awaiting inspection show where to go and whom to call: the secretariat’s own view', async () => {
    asOf(new Date('2025-06-01T12:00:00Z'));
    const { requests } = await queries.requests.list('awaiting-inspection');
    expect(requests.map((r) => [r.fileId, r.purpose])).toEqual([
      [files.requested.ids.fileId, 'first'],
      [files.remediated.ids.fileId, 'reinspection'],
    ]);
    expect(requests[0]).toMatchObject({ letterNumber: '1404/512', siteAddress: SITE_ADDRESS, contactMobile: CONTACT_MOBILE, receivedAtJalali: '1404/01/26' });
    expect(requests[1]).toMatchObject({ requestId: null, siteAddress: SITE_ADDRESS, purposeFa: 'بازدید مجدد پس از رفع نواقص' });
  });

  it('a re-inspection whose temporary permit has lapsed is no longer waiting for anyone', async () => {
    asOf(new Date('2025-11-01T06:00:00Z')); // 1404/08/10: the temporary permit granted 1404/02/10 has lapsed
    const { requests } = await queries.requests.list('awaiting-inspection');
    expect(requests.map((r) => r.fileId)).toEqual([files.requested.ids.fileId]);
  });

  it('each request moves on with the file: scheduled, granted, refused', async () => {
    asOf(new Date('2025-06-01T12:00:00Z'));
    const ofFile = async (status: Parameters<OperationRequestsQuery['list']>[0], fileId: string) =>
      (await queries.requests.list(status)).requests.filter((r) => r.fileId === fileId).map((r) => r.purpose);
    expect(await ofFile('inspection-scheduled', files.scheduled.ids.fileId)).toEqual(['first']);
    expect(await ofFile('granted', files.main.ids.fileId)).toEqual(['first', 'reinspection']);
    expect(await ofFile('refused', files.whole.ids.fileId)).toEqual(['renewal']);
  });

  it('an inspector’s visits on a Tehran day, asked in Persian digits or as an ISO date', async () => {
    const visitsOn = async (inspectorId: string, date: string) =>
      (await queries.inspections.list({ inspectorId, date })).inspections.map((i) => i.fileId).sort();
    const firstVisits = [files.scheduled, files.temporary, files.remediated, files.stillDeficient, files.main, files.whole].map((f) => f.ids.fileId).sort();
    expect(await visitsOn('inspector-7', '۱۴۰۴/۲/۸')).toEqual(firstVisits); // 28 April 2025, 10:00 Tehran
    expect(await visitsOn('inspector-7', '2025-04-28')).toEqual(firstVisits);
    expect(await visitsOn('inspector-9', '1404/02/08')).toEqual([]);
    expect(await visitsOn('inspector-9', '1404/03/15')).toEqual([files.stillDeficient, files.main, files.whole].map((f) => f.ids.fileId).sort());
  });

  it('a recorded inspection shows every finding with its Persian label, a scheduled one none yet', async () => {
    const { inspections } = await queries.inspections.list({ date: '1404/02/08' });
    const scheduled = inspections.find((i) => i.fileId === files.scheduled.ids.fileId)!;
    expect(scheduled).toMatchObject({ status: 'scheduled', passed: null, findings: [], scheduledTimeTehran: '10:00', siteAddress: SITE_ADDRESS });
    const recorded = inspections.find((i) => i.fileId === files.temporary.ids.fileId)!;
    expect(recorded).toMatchObject({ status: 'recorded', passed: false, recordedAtJalali: '1404/02/08' });
    expect(recorded.findings.map((f) => f.item)).toEqual(checklistFor(true));
    expect(recorded.findings.filter((f) => !f.passed)).toEqual(
      DEFICIENCIES.map((d) => ({ item: d.item, labelFa: CHECKLIST_LABELS_FA[d.item], passed: false, note: d.note })),
    );
  });

  it('current temporary permits (not the superseded one) list their deficiencies and the days left, counted from the clock when asked', async () => {
    asOf(new Date('2025-10-20T08:00:00Z')); // 1404/07/28: 2 days of Mehr and 9 of Aban remain before 1404/08/10
    const { permits } = await queries.permits.temporary();
    const [temporary] = granted(storyEvents.temporary);
    expect(permits.map((p) => p.fileId).sort()).toEqual([files.temporary, files.remediated, files.stillDeficient].map((f) => f.ids.fileId).sort());
    expect(permits.find((p) => p.fileId === files.temporary.ids.fileId)).toEqual(
      expect.objectContaining({
        permitId: temporary.permitId,
        permitNumber: `KR-TP-${temporary.permitId.slice(0, 6)}`,
        fileId: files.temporary.ids.fileId,
        validThroughJalali: '1404/08/09',
        daysLeft: 12,
        deficiencies: DEFICIENCIES.map((d) => ({ item: d.item, labelFa: CHECKLIST_LABELS_FA[d.item], note: d.note })),
      }),
    );
    asOf(new Date('2025-10-31T20:30:00Z'));
    expect((await queries.permits.temporary()).permits).toEqual([]);
  });

  it('after a re-inspection that still finds deficiencies, the temporary permit lists only what remains to remedy', async () => {
    asOf(new Date('2025-10-20T08:00:00Z'));
    const { permits } = await queries.permits.temporary();
    const permit = permits.find((p) => p.fileId === files.stillDeficient.ids.fileId)!;
    expect(permit.deficiencies.map((d) => d.item)).toEqual([DEFICIENCIES[1].item]);
    expect(permit.daysLeft).toBe(12);
  });

  it('permits expiring within 30 days carry the register’s number; a revoked one is not expiring', async () => {
    const [main] = granted(storyEvents.main).filter((g) => g.kind === 'main');
    const validUntil = new Date(main.validUntil);
    asOf(new Date(validUntil.getTime() - 18 * DAY_MS + 10 * 3_600_000)); // 10:00 Tehran, 18 calendar days before the end date
    const { permits } = await queries.permits.expiring();
    expect(permits).toEqual([
      expect.objectContaining({ permitId: main.permitId, permitNumber: `KR-OP-${main.permitId.slice(0, 6)}`, kind: 'main', daysLeft: 18, fileId: files.main.ids.fileId }),
    ]);
    asOf(new Date(validUntil.getTime() - 40 * DAY_MS));
    expect((await queries.permits.expiring()).permits).toEqual([]);
  });

  it('a file’s view: its status now, its installation permit with the register’s number, its permits and inspections', async () => {
    asOf(new Date('2025-10-20T08:00:00Z'));
    const { ids } = files.temporary;
    const view = await queries.file.one(ids.fileId);
    expect(view).toMatchObject({
      fileId: ids.fileId,
      status: 'temporary',
      statusFa: 'دارای مجوز موقت بهره‌برداری (شش‌ماهه)',
      siteAddress: SITE_ADDRESS,
      installationPermit: {
        permitId: ids.installationPermitId,
        permitNumber: `KR-IN-1404-${ids.fileNumber.slice(-6)}`,
        hologramSerial: 'KR1404000001',
        signedAtJalali: '1404/01/20',
        validThroughJalali: '1405/01/19',
        revoked: false,
      },
    });
    expect(view.operationPermits).toEqual([expect.objectContaining({ kind: 'temporary', standing: 'expiring', validThroughJalali: '1404/08/09' })]);
    expect(view.inspections).toHaveLength(1);
    expect(view.inspections[0].findings).toHaveLength(checklistFor(true).length);
    expect(JSON.stringify(view)).not.toContain(CONTACT_MOBILE);

    asOf(new Date('2025-11-01T06:00:00Z'));
    expect((await queries.file.one(ids.fileId)).status).toBe('lapsed');
  });

  it('a file whose main permit was revoked shows why, with the superseded temporary permit before it', async () => {
    asOf(new Date('2027-04-27T08:00:00Z'));
    const view = await queries.file.one(files.whole.ids.fileId);
    expect(view.status).toBe('revoked');
    expect(view.statusDetail).toMatchObject({ permitType: 'operation', reason: 'دوربین شماره 3 به پنجره همسایه دید دارد' });
    expect(view.operationPermits.map((p) => [p.kind, p.standing])).toEqual([['temporary', 'superseded'], ['main', 'revoked']]);
    expect(view.requests.map((r) => [r.purpose, r.status])).toEqual([['first', 'granted'], ['reinspection', 'granted'], ['renewal', 'refused']]);
  });

  it('a file the union never sent is not found', async () => {
    const error = await queries.file.one(storyIds('never').fileId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'not-found', code: 'file-not-found' });
  });

  it('reset empties every table, so the model can be rebuilt from the start of the log', async () => {
    const other = await db.createQueryRunner();
    await other.startTransaction();
    try {
      await secretariatOfficeProjection.reset(other.manager);
      for (const entity of SECRETARIAT_OFFICE_ENTITIES) expect(await other.manager.getRepository(entity).count()).toBe(0);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
  });
});

describe('the secretariat’s office read model, applied a batch at a time', () => {
  it('holds exactly the same rows whether the log comes one event per transaction or in batches', async () => {
    const oneByOne = await tableContents();
    for (const size of [wholeLog.length, 7, 2]) {
      await db.transaction(async (em) => {
        await secretariatOfficeProjection.reset(em);
        for (let i = 0; i < wholeLog.length; i += size) await secretariatOfficeProjection.applyBatch!(wholeLog.slice(i, i + size), em);
      });
      expect(await tableContents()).toEqual(oneByOne);
    }
  });
});
