import { statisticsPeriodOf } from '@cctv/nest-common';
import { checklistFor, secretariatFileDecider, type SecretariatFileCommand, type SecretariatFileEvent } from '@cctv/secretariat-domain';
import { secretariatOfficeProjection } from '../read-models/secretariat-office.projection';
import { officeDatabase } from '../testing/office-database';
import { at, CONTACT_MOBILE, fileStory, inboxEvent, recordedFileEvents, SITE_ADDRESS, storyIds, type StoryIds } from '../testing/file-story';
import { SecretariatStatisticsQuery } from './secretariat-statistics.query';

const { db, open, close } = officeDatabase('secretariat_stats');

/** A file whose first inspection finds nothing wrong: a main permit straight away, on 1404/02/15. */
const passingStory = (ids: StoryIds): SecretariatFileEvent[] => {
  const events = fileStory(ids, { steps: 4 });
  const commands: SecretariatFileCommand[] = [
    {
      type: 'RecordInspectionFindings',
      data: {
        fileId: ids.fileId, inspectionId: ids.inspectionId, recordedBy: ids.inspectorId,
        findings: checklistFor(true).map((item) => ({ item, passed: true })), checklist: checklistFor(true), now: at.recorded,
      },
    },
    { type: 'GrantOperationPermit', data: { fileId: ids.fileId, permitId: ids.mainPermitId, hologramSerial: 'KR1404000009', now: new Date('2025-05-05T07:00:00Z') } },
  ];
  let state = events.reduce(secretariatFileDecider.evolve, secretariatFileDecider.initialState);
  for (const command of commands) {
    const decided = secretariatFileDecider.decide(command, state);
    state = decided.reduce(secretariatFileDecider.evolve, state);
    events.push(...decided);
  }
  return events;
};

// Files stopped at different steps of the same story (see file-story.ts), and one that passes its first inspection.
const files = {
  queued: fileStory(storyIds('stats-queued'), { steps: 1 }),
  requested: fileStory(storyIds('stats-requested'), { steps: 3 }),
  scheduled: fileStory(storyIds('stats-scheduled'), { steps: 4 }),
  temporary: fileStory(storyIds('stats-temporary'), { steps: 6 }),
  main: fileStory(storyIds('stats-main'), { steps: 10 }),
  passing: passingStory(storyIds('stats-passing')),
};
const ids = Object.keys(files).map((name) => storyIds(`stats-${name}`));

const approvalOf = (story: StoryIds) =>
  inboxEvent(
    'union.InstallationApproved.v1',
    { fileId: story.fileId, fileNumber: story.fileNumber, premisesKind: 'shared-building', residential: true, residentialUnits: 12, cameraCount: 6, at: '2025-04-05T05:00:00.000Z' },
    story.fileId,
  );

// 1404/07/23: the temporary permit granted 1404/02/10 runs to 1404/08/10, 17 days away.
const clock = { now: () => new Date('2025-10-15T08:00:00Z') };
const query = () => new SecretariatStatisticsQuery(db, clock);

beforeAll(async () => {
  await open();
  for (const [i, events] of Object.values(files).entries()) {
    for (const event of [approvalOf(ids[i]), ...recordedFileEvents(events)]) await db.transaction((em) => secretariatOfficeProjection.apply(event, em));
  }
});

afterAll(async () => {
  await close();
});

describe('the secretariat’s statistics for analysts', () => {
  it('counts the queue, requests, inspections and permits, and the days from a written request to its permit', async () => {
    const stats = await query().statistics({ from: null, to: null });
    expect(stats.asOfJalali).toBe('1404/07/23');
    expect(stats.signingQueue).toEqual({ length: 1, oldestQueuedAt: at.queued.toISOString(), oldestQueuedAtJalali: '1404/01/16' });
    expect(stats.operationRequests.total).toBe(6);
    expect(stats.operationRequests.byStatus).toEqual([
      { status: 'awaiting-inspection', statusFa: 'در انتظار تعیین زمان بازدید', count: 1 },
      { status: 'granted', statusFa: 'مجوز صادر شده', count: 4 },
      { status: 'inspection-scheduled', statusFa: 'بازدید تعیین شده', count: 1 },
    ]);
    expect(stats.operationRequests.byPurpose).toEqual([
      { purpose: 'first', purposeFa: 'بازدید نخست', count: 5 },
      { purpose: 'reinspection', purposeFa: 'بازدید مجدد پس از رفع نواقص', count: 1 },
    ]);
    expect(stats.inspections.byStatus).toEqual([
      { status: 'recorded', statusFa: 'انجام و ثبت شده', count: 4 },
      { status: 'scheduled', statusFa: 'تعیین شده، انجام نشده', count: 1 },
    ]);
    expect(stats.inspections.firstInspections).toMatchObject({ recorded: 3, passed: 1, passedShare: 0.333 });
    expect(stats.temporaryPermitsActive.count).toBe(1);
    expect(stats.permitsExpiring).toMatchObject({ withinDays: 30, count: 1 });
    expect(stats.permitsExpiring.byKind).toEqual([
      expect.objectContaining({ kind: 'temporary', count: 1 }),
      expect.objectContaining({ kind: 'main', count: 0 }),
    ]);
    // 15 days and an hour twice (temporary permits after the first visit), 20 days and an hour once (the file that passed).
    expect(stats.daysFromOperationRequestToPermit).toMatchObject({ count: 3, medianDays: 15, p90Days: 19 });
  });

  it('narrows requests and visits to when they arrived or were set for, permits to when they were granted', async () => {
    const stats = await query().statistics(statisticsPeriodOf({ from: '2025-05-01', to: '2025-05-31' }));
    expect(stats.period).toMatchObject({ fromJalali: '1404/02/11', toJalali: '1404/03/11' });
    expect(stats.operationRequests.total).toBe(0);
    expect(stats.inspections.byStatus).toEqual([]);
    expect(stats.inspections.firstInspections).toMatchObject({ recorded: 0, passed: 0, passedShare: null });
    expect(stats.daysFromOperationRequestToPermit).toMatchObject({ count: 1, medianDays: 20 });
    // What stands now is not a matter of the period.
    expect(stats.signingQueue.length).toBe(1);
    expect(stats.temporaryPermitsActive.count).toBe(1);
  });

  it('says nothing about sites, contacts, files or inspectors', async () => {
    const json = JSON.stringify(await query().statistics({ from: null, to: null }));
    const secrets = [
      SITE_ADDRESS, CONTACT_MOBILE, CONTACT_MOBILE.slice(1), 'U-1404', 'inspector-', 'KR1404', 'KR-1404', '1404/512',
      ...ids.flatMap((s) => [s.fileId, s.installationPermitId, s.temporaryPermitId, s.mainPermitId, s.inspectionId, s.reinspectionId]),
    ];
    for (const secret of secrets) expect(json).not.toContain(secret);
  });
});
