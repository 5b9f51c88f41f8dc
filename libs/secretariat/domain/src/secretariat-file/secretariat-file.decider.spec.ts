import { fold } from '@cctv/kernel';
import { checklistFor } from '../checklist/checklist';
import type { SecretariatFileCommand } from './commands';
import type { SecretariatFileEvent } from './events';
import { operationStatus } from './operation-status';
import { secretariatFileDecider, secretariatFileStreamId } from './secretariat-file.decider';

/** Runs commands one after another against the events they produce, as a handler would. */
const run = (commands: readonly SecretariatFileCommand[]): SecretariatFileEvent[] =>
  commands.reduce<SecretariatFileEvent[]>(
    (events, command) => [...events, ...secretariatFileDecider.decide(command, fold(secretariatFileDecider, events))],
    [],
  );

const fileId = 'file-42';
const on = (iso: string) => new Date(iso);
const checklist = checklistFor(true);

describe('a file at the secretariat, from the union approval to a main permit', () => {
  const events = run([
    {
      type: 'QueueForSigning',
      data: { fileId, fileNumber: '1404-000042', premisesKind: 'shared-building', residential: true, cameraCount: 4, approvedAt: '2025-04-05T05:00:00Z', now: on('2025-04-05T06:00:00Z') },
    },
    { type: 'SignInstallationPermit', data: { fileId, installationPermitId: 'ip-42', hologramSerial: 'KR-1404-000420', now: on('2025-04-09T06:30:00Z') } },
    {
      type: 'RequestOperationPermit',
      data: { fileId, requestId: 'req-42', letterNumber: '512', siteAddress: 'مشهد، بلوار سجاد', contactMobile: '09151234567', now: on('2025-04-15T06:00:00Z') },
    },
    { type: 'ScheduleInspection', data: { fileId, inspectionId: 'insp-1', scheduledFor: '2025-04-28T09:00:00+03:30', inspectorIds: ['inspector-7'], now: on('2025-04-16T06:00:00Z') } },
    {
      type: 'RecordInspectionFindings',
      data: {
        fileId,
        inspectionId: 'insp-1',
        recordedBy: 'inspector-7',
        checklist,
        findings: checklist.map((item) =>
          item === 'residents-consent' ? { item, passed: false, note: 'صورت‌جلسه مجمع ساکنان امضا نشده است' } : { item, passed: true },
        ),
        now: on('2025-04-28T08:00:00Z'),
      },
    },
    { type: 'GrantOperationPermit', data: { fileId, permitId: 'op-1', hologramSerial: 'KR-1404-000421', now: on('2025-04-30T07:00:00Z') } },
    { type: 'ReportRemediation', data: { fileId, note: 'صورت‌جلسه امضاشده تحویل شد', now: on('2025-06-01T06:00:00Z') } },
    { type: 'ScheduleInspection', data: { fileId, inspectionId: 'insp-2', scheduledFor: '2025-06-03T09:00:00+03:30', inspectorIds: ['inspector-9'], now: on('2025-06-01T07:00:00Z') } },
    {
      type: 'RecordInspectionFindings',
      data: { fileId, inspectionId: 'insp-2', recordedBy: 'inspector-9', checklist, findings: checklist.map((item) => ({ item, passed: true })), now: on('2025-06-03T07:00:00Z') },
    },
    { type: 'GrantOperationPermit', data: { fileId, permitId: 'op-2', hologramSerial: 'KR-1404-000422', now: on('2025-06-04T07:00:00Z') } },
  ]);

  it('passes through each step once', () =>
    expect(events.map((event) => event.type)).toEqual([
      'InstallationQueuedForSigning',
      'InstallationPermitSigned',
      'OperationPermitRequested',
      'InspectionScheduled',
      'InspectionRecorded',
      'OperationPermitGranted',
      'RemediationReported',
      'InspectionScheduled',
      'InspectionRecorded',
      'OperationPermitGranted',
    ]));

  it('a missing consent gives a temporary permit first, and the re-inspection a main permit that supersedes it', () => {
    const grants = events.filter((event) => event.type === 'OperationPermitGranted').map((event) => event.data);
    expect(grants).toMatchObject([
      { permitId: 'op-1', kind: 'temporary', deficiencies: [{ item: 'residents-consent' }], supersedesPermitId: null },
      { permitId: 'op-2', kind: 'main', deficiencies: [], supersedesPermitId: 'op-1' },
    ]);
  });

  it('ends with a main permit in force', () =>
    expect(operationStatus(fold(secretariatFileDecider, events), on('2025-06-05T07:00:00Z'))).toMatchObject({
      status: 'main',
      permit: { permitId: 'op-2', kind: 'main' },
    }));

  it('every event names its file, so one stream holds them all', () => {
    expect(new Set(events.map((event) => event.data.fileId))).toEqual(new Set([fileId]));
    expect(secretariatFileStreamId(fileId)).toBe('secretariat-file-file-42');
  });

  it('personal data appears only in the operation request', () => {
    const carriers = events.filter((event) => 'siteAddress' in event.data || 'contactMobile' in event.data);
    expect(carriers.map((event) => event.type)).toEqual(['OperationPermitRequested']);
  });
});
