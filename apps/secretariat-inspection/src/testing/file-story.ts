import type { IntegrationEvent, IntegrationEventMap } from '@cctv/contracts';
import { deterministicEventId, type RecordedEvent } from '@cctv/event-store';
import type { Actor } from '@cctv/kernel';
import {
  checklistFor,
  secretariatFileDecider,
  type Deficiency,
  type SecretariatFileCommand,
  type SecretariatFileEvent,
  type SecretariatFileState,
} from '@cctv/secretariat-domain';

/**
 * One file's whole story at the secretariat, produced by the decider itself
 * (so every event is one the service really records), on fixed dates:
 * temporary permit 1404/02/10, re-inspection, main permit superseding it,
 * a renewal refused, then the main permit revoked. Every kind of file event occurs.
 */
export const at = {
  queued: new Date('2025-04-05T06:00:00Z'),
  signed: new Date('2025-04-09T06:30:00Z'),
  requested: new Date('2025-04-15T06:00:00Z'),
  scheduled: new Date('2025-04-16T06:00:00Z'),
  visit: '2025-04-28T06:30:00.000Z', // 1404/02/08 10:00 Tehran
  recorded: new Date('2025-04-28T08:00:00Z'),
  temporaryGranted: new Date('2025-04-30T07:00:00Z'), // 1404/02/10 → valid through 1404/08/09
  remediated: new Date('2025-06-01T06:00:00Z'),
  reinspectionScheduled: new Date('2025-06-02T06:00:00Z'),
  reinspection: '2025-06-05T06:30:00.000Z',
  reinspected: new Date('2025-06-05T09:00:00Z'),
  mainGranted: new Date('2025-06-07T07:00:00Z'), // 1404/03/17 → valid through 1406/03/16
  renewalRequested: new Date('2027-04-20T06:00:00Z'),
  renewalRefused: new Date('2027-04-25T06:00:00Z'),
  revoked: new Date('2027-04-26T06:00:00Z'),
};

export const SITE_ADDRESS = 'مشهد، بلوار وکیل‌آباد، مجتمع یاس، پلاک 12';
export const CONTACT_MOBILE = '09151234567';
export const OFFICER: Actor = { personId: 'officer-3', role: 'secretariat-officer' };

export const DEFICIENCIES: readonly Deficiency[] = [
  { item: 'cctv-sign-posted', note: 'تابلوی هشدار در ورودی پارکینگ نصب نشده است' },
  { item: 'power-backup', note: 'یو‌پی‌اس ندارد' },
];

const findings = (residential: boolean, failed: readonly Deficiency[]) =>
  checklistFor(residential).map((item) => {
    const deficiency = failed.find((d) => d.item === item);
    return deficiency ? { item, passed: false, note: deficiency.note } : { item, passed: true };
  });

export interface StoryIds {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly installationPermitId: string;
  readonly temporaryPermitId: string;
  readonly mainPermitId: string;
  readonly inspectionId: string;
  readonly reinspectionId: string;
  readonly inspectorId: string;
}

export const storyIds = (name: string): StoryIds => ({
  fileId: deterministicEventId('story-file', name),
  fileNumber: `U-1404-${name}`,
  installationPermitId: deterministicEventId('story-installation-permit', name),
  temporaryPermitId: deterministicEventId('story-temporary-permit', name),
  mainPermitId: deterministicEventId('story-main-permit', name),
  inspectionId: deterministicEventId('story-inspection', name),
  reinspectionId: deterministicEventId('story-reinspection', name),
  inspectorId: 'inspector-7',
});

const commandsOf = (ids: StoryIds, residential: boolean, reinspectionFinds: readonly Deficiency[], ownerRef?: string): SecretariatFileCommand[] => {
  const { fileId } = ids;
  return [
    {
      type: 'QueueForSigning',
      data: { fileId, fileNumber: ids.fileNumber, premisesKind: 'shared-building', residential, cameraCount: 6, approvedAt: '2025-04-05T05:00:00.000Z', ...(ownerRef ? { ownerRef } : {}), now: at.queued },
    },
    { type: 'SignInstallationPermit', data: { fileId, installationPermitId: ids.installationPermitId, hologramSerial: 'KR-1404000001', now: at.signed } },
    {
      type: 'RequestOperationPermit',
      data: { fileId, requestId: `${fileId}-request`, letterNumber: '1404/512', siteAddress: SITE_ADDRESS, contactMobile: CONTACT_MOBILE, now: at.requested },
    },
    { type: 'ScheduleInspection', data: { fileId, inspectionId: ids.inspectionId, scheduledFor: at.visit, inspectorIds: [ids.inspectorId], now: at.scheduled } },
    {
      type: 'RecordInspectionFindings',
      data: { fileId, inspectionId: ids.inspectionId, recordedBy: ids.inspectorId, findings: findings(residential, DEFICIENCIES), checklist: checklistFor(residential), now: at.recorded },
    },
    { type: 'GrantOperationPermit', data: { fileId, permitId: ids.temporaryPermitId, hologramSerial: 'KR1404000002', now: at.temporaryGranted } },
    { type: 'ReportRemediation', data: { fileId, note: 'تابلو نصب و یو‌پی‌اس خریداری شد', now: at.remediated } },
    {
      type: 'ScheduleInspection',
      data: { fileId, inspectionId: ids.reinspectionId, scheduledFor: at.reinspection, inspectorIds: [ids.inspectorId, 'inspector-9'], now: at.reinspectionScheduled },
    },
    {
      type: 'RecordInspectionFindings',
      data: { fileId, inspectionId: ids.reinspectionId, recordedBy: ids.inspectorId, findings: findings(residential, reinspectionFinds), checklist: checklistFor(residential), now: at.reinspected },
    },
    { type: 'GrantOperationPermit', data: { fileId, permitId: ids.mainPermitId, hologramSerial: 'KR1404000003', now: at.mainGranted } },
    { type: 'RequestRenewal', data: { fileId, requestId: `${fileId}-renewal`, now: at.renewalRequested } },
    { type: 'RefuseOperationPermit', data: { fileId, reasons: ['ساکنان با ادامه کار دوربین راهرو موافق نیستند'], now: at.renewalRefused } },
    { type: 'RevokePermit', data: { fileId, permitId: ids.mainPermitId, reason: 'دوربین شماره 3 به پنجره همسایه دید دارد', now: at.revoked } },
  ];
};

export interface StoryOptions {
  /** Stop after this many commands (all by default). */
  readonly steps?: number;
  readonly residential?: boolean;
  /** What the re-inspection still finds (nothing by default); a story with some cannot go past step 9. */
  readonly reinspectionFinds?: readonly Deficiency[];
  /** The owner reference the union's approval carried (none by default, as before references existed). */
  readonly ownerRef?: string;
}

/** The file's events up to and including the `steps`-th command. */
export const fileStory = (ids: StoryIds, options: StoryOptions = {}): SecretariatFileEvent[] => {
  const commands = commandsOf(ids, options.residential ?? true, options.reinspectionFinds ?? [], options.ownerRef).slice(0, options.steps);
  let state: SecretariatFileState = secretariatFileDecider.initialState;
  const events: SecretariatFileEvent[] = [];
  for (const command of commands) {
    const decided = secretariatFileDecider.decide(command, state);
    state = decided.reduce(secretariatFileDecider.evolve, state);
    events.push(...decided);
  }
  return events;
};

let position = 0;

/** As the store hands events to followers: with ids, stream, position and who acted. */
export const recorded = (event: { type: string; data: unknown }, streamId: string, actor: Actor = OFFICER): RecordedEvent => {
  position += 1;
  const occurredAt = String((event.data as { at?: string }).at ?? new Date(0).toISOString());
  return {
    eventId: deterministicEventId('story-event', streamId, String(position)),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { occurredAt, correlationId: `corr-${position}`, causationId: null, actor },
    streamId,
    streamVersion: position,
    position: String(position).padStart(12, '0'),
  };
};

export const recordedFileEvents = (events: readonly SecretariatFileEvent[]): RecordedEvent[] =>
  events.map((e) => recorded(e, `secretariat-file-${(e.data as { fileId: string }).fileId}`));

/** Another office's public event as our inbox keeps it: its type, and the whole envelope as data. */
export const inboxEvent = <T extends keyof IntegrationEventMap>(type: T, data: IntegrationEventMap[T], aggregateId: string): RecordedEvent => {
  const source = type.startsWith('union.') ? 'union-intake' : 'permit-issuance';
  const envelope: IntegrationEvent<T, IntegrationEventMap[T]> = {
    eventId: deterministicEventId('story-inbox', type, aggregateId, String(position + 1)),
    type,
    schemaVersion: 1,
    source,
    aggregateId,
    occurredAt: String((data as { at: string }).at),
    correlationId: `corr-inbox-${position + 1}`,
    causationId: null,
    actor: { personId: source === 'union-intake' ? 'union-head-1' : 'system', role: source === 'union-intake' ? 'union-head' : 'system' },
    data,
  };
  return { ...recorded({ type, data: envelope }, `inbox-${source}-${aggregateId}`, envelope.actor), eventId: envelope.eventId };
};
