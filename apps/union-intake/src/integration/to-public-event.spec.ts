import { schemaProblem } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { fold } from '@cctv/kernel';
import { OwnerRefs } from '@cctv/nest-common';
import { unionFileDecider, type UnionFileCommand, type UnionFileEvent } from '@cctv/union-domain';
import { toPublicEvent } from './to-public-event';

const fileId = '5b0f7c4e-8f5a-4d55-a7a0-0c6a3b7e2b11';
const now = new Date('2025-05-01T07:00:00Z');
const owner = { kind: 'person' as const, nationalId: '0013542419', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567' };
const ownerRef = new OwnerRefs({ kind: 'secret', secret: 'a-test-secret-long-enough-for-owner-refs-0123456789' }).of(fileId, owner.nationalId);
const premises = { kind: 'shared-building' as const, address: 'مشهد، بلوار سجاد، پلاک ۱۲', postalCode: '9177948974', residential: true, residentialUnits: 12 };

/** Runs commands through the real decider, so every event is one the service can really store. */
const story = (commands: UnionFileCommand[]): UnionFileEvent[] =>
  commands.reduce<UnionFileEvent[]>((events, command) => [...events, ...unionFileDecider.decide(command, fold(unionFileDecider, events))], []);

const recorded = (events: UnionFileEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({
    ...e,
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    schemaVersion: 1,
    streamId: `union-file-${fileId}`,
    streamVersion: i,
    position: String(i),
    metadata: { occurredAt: now.toISOString(), correlationId: 'c-1', causationId: null, actor: { personId: 'clerk-7', role: 'union-clerk' } },
  }));

const open: UnionFileCommand = {
  type: 'OpenFile',
  data: {
    fileId, fileNumber: 'U-1404-000001', owner, premises,
    system: { cameras: [{ location: 'لابی', fieldOfView: 'ورودی' }], recorder: { model: 'NVR', retentionDays: 30 } },
    installer: { name: 'توس', guildLicenceNumber: '123' }, requiredDocuments: ['camera-plan'], ownerRef, now,
  },
};

const approvedStory = story([
  open,
  { type: 'SubmitDocument', data: { fileId, kind: 'camera-plan', reference: 'scan-1', now } },
  { type: 'RequestDocumentAgain', data: { fileId, kind: 'camera-plan', reason: 'ناخوانا', now } },
  { type: 'SubmitDocument', data: { fileId, kind: 'camera-plan', reference: 'scan-2', now } },
  { type: 'AcceptDocument', data: { fileId, kind: 'camera-plan', now } },
  { type: 'ApproveInstallation', data: { fileId, now } },
]);
const refusedStory = story([open, { type: 'RefuseInstallation', data: { fileId, reasons: ['دید به واحدها'], now } }]);

describe('the union’s public events', () => {
  const published = recorded([...approvedStory, ...refusedStory]).map(toPublicEvent);

  it('exist for every step of a file and fit their published schemas', () => {
    expect(published.map((e) => e?.type)).toEqual([
      'union.FileOpened.v1', 'union.DocumentSubmitted.v1', 'union.DocumentRequestedAgain.v1', 'union.DocumentSubmitted.v1',
      'union.DocumentAccepted.v1', 'union.InstallationApproved.v1', 'union.FileOpened.v1', 'union.InstallationRefused.v1',
    ]);
    for (const event of published) expect(schemaProblem(event!.type, event!.data)).toBeNull();
  });

  it('never carry the owner’s national ID, name, mobile, address or postal code', () => {
    const text = JSON.stringify(published);
    for (const secret of [owner.nationalId, owner.mobile, owner.firstName, owner.lastName, premises.postalCode, 'بلوار سجاد']) {
      expect(text).not.toContain(secret);
    }
  });

  it('name the owner to the secretariat by the file’s owner reference in the approval only, never by their ID', () => {
    const approval = published.find((e) => e?.type === 'union.InstallationApproved.v1')!;
    expect(approval.data).toMatchObject({ ownerRef });
    expect(ownerRef).not.toContain(owner.nationalId);
    expect(published.filter((e) => JSON.stringify(e).includes(ownerRef)).map((e) => e?.type)).toEqual(['union.InstallationApproved.v1']);
  });

  it('are keyed by the file and keep the event id, correlation and actor', () => {
    expect(published[0]).toMatchObject({
      eventId: '00000000-0000-4000-8000-000000000000', aggregateId: fileId, source: 'union-intake',
      correlationId: 'c-1', actor: { personId: 'clerk-7', role: 'union-clerk' },
    });
  });

  it('leave out events received from other offices', () => {
    const inbox = { ...recorded(approvedStory)[0], type: 'secretariat.InstallationPermitSigned.v1' };
    expect(toPublicEvent(inbox)).toBeNull();
  });
});
