import { INTEGRATION_SCHEMAS, schemaProblem } from '@cctv/contracts';
import type { SecretariatFileEvent } from '@cctv/secretariat-domain';
import { CONTACT_MOBILE, fileStory, inboxEvent, recorded, recordedFileEvents, SITE_ADDRESS, storyIds } from '../testing/file-story';
import { toPublicEvent } from './to-public-event';

const ids = storyIds('public');
const story = recordedFileEvents(fileStory(ids));
const ALL_FILE_EVENT_TYPES: readonly SecretariatFileEvent['type'][] = [
  'InstallationQueuedForSigning', 'InstallationPermitSigned', 'OperationPermitRequested', 'InspectionScheduled',
  'InspectionRecorded', 'OperationPermitGranted', 'OperationPermitRefused', 'RemediationReported', 'RenewalRequested',
  'PermitRevoked',
];

describe('what the secretariat publishes', () => {
  it('the story used here holds every kind of file event', () => {
    expect(new Set(story.map((e) => e.type))).toEqual(new Set(ALL_FILE_EVENT_TYPES));
  });

  it.each(story.map((e) => [e.type, e] as const))('%s becomes a public event that fits its published schema', (_type, event) => {
    const published = toPublicEvent(event);
    expect(published).not.toBeNull();
    expect(published!.type).toBe(`secretariat.${event.type}.v1`);
    expect(schemaProblem(published!.type, published!.data)).toBeNull();
  });

  it.each(story.map((e) => [e.type, e] as const))('%s is published with exactly the fields of its contract', (_type, event) => {
    const published = toPublicEvent(event)!;
    const contract = INTEGRATION_SCHEMAS[published.type as keyof typeof INTEGRATION_SCHEMAS];
    expect(Object.keys(published.data as object).sort()).toEqual(Object.keys(contract).sort());
  });

  it('the envelope keeps the event id, the file as key, when it happened, who did it and what caused it', () => {
    const event = story[0];
    expect(toPublicEvent(event)).toMatchObject({
      eventId: event.eventId,
      source: 'secretariat-inspection',
      aggregateId: ids.fileId,
      schemaVersion: 1,
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
    });
  });

  it('the site address, the contact mobile and the letter number of an operation request never leave the secretariat', () => {
    const published = story.map(toPublicEvent).map((e) => JSON.stringify(e));
    const request = story.find((e) => e.type === 'OperationPermitRequested')!;
    expect(JSON.stringify(request.data)).toContain(CONTACT_MOBILE); // the recorded event does hold them…
    for (const text of published) {
      expect(text).not.toContain(SITE_ADDRESS);
      expect(text).not.toContain(CONTACT_MOBILE);
      expect(text).not.toMatch(/siteAddress|contactMobile|letterNumber/);
    }
  });

  it('the hologram registry’s own events are not published', () => {
    const affixed = recorded(
      { type: 'HologramAffixed', data: { serial: 'KR1404000001', fileId: ids.fileId, permitId: ids.installationPermitId, at: '2025-04-09T06:30:00.000Z' } },
      'hologram-KR1404000001',
    );
    expect(toPublicEvent(affixed)).toBeNull();
  });

  it('events received from the other offices are not published again', () => {
    const approval = inboxEvent(
      'union.InstallationApproved.v1',
      { fileId: ids.fileId, fileNumber: ids.fileNumber, premisesKind: 'shared-building', residential: true, residentialUnits: 12, cameraCount: 6, at: '2025-04-05T05:00:00.000Z' },
      ids.fileId,
    );
    expect(toPublicEvent(approval)).toBeNull();
  });
});
