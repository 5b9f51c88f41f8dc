import { deterministicEventId, InMemoryEventStore } from '@cctv/event-store';
import { SYSTEM_ACTOR } from '@cctv/kernel';
import { secretariatFileStreamId } from '@cctv/secretariat-domain';
import { inboxEvent, storyIds } from '../testing/file-story';
import { QUEUE_ON_UNION_APPROVAL, queueOnUnionApproval } from './queue-on-union-approval.reaction';

const ids = storyIds('reaction');
const now = new Date('2025-04-05T06:00:00Z');
const approval = () =>
  inboxEvent(
    'union.InstallationApproved.v1',
    { fileId: ids.fileId, fileNumber: ids.fileNumber, premisesKind: 'public-place', residential: false, residentialUnits: null, cameraCount: 4, ownerRef: 'owner-ref-of-the-file', at: '2025-04-05T05:00:00.000Z' },
    ids.fileId,
  );

const setUp = () => {
  const store = new InMemoryEventStore();
  const lines: string[] = [];
  const reaction = queueOnUnionApproval({ store, clock: { now: () => now } }, (line) => lines.push(line));
  const fileEvents = async () => (await store.readStream(secretariatFileStreamId(ids.fileId))).events;
  return { store, reaction, lines, fileEvents };
};

describe('when the union approves an installation', () => {
  it('the file waits in the secretariat’s signing queue with the approval’s facts and owner reference, queued by the system on its behalf', async () => {
    const { reaction, fileEvents } = setUp();
    const source = approval();
    await reaction.react(source);
    const [queued, ...rest] = await fileEvents();
    expect(rest).toEqual([]);
    expect(queued).toMatchObject({
      type: 'InstallationQueuedForSigning',
      data: {
        fileId: ids.fileId, fileNumber: ids.fileNumber, premisesKind: 'public-place', residential: false, cameraCount: 4,
        approvedAt: '2025-04-05T05:00:00.000Z', ownerRef: 'owner-ref-of-the-file', at: now.toISOString(),
      },
      metadata: { actor: SYSTEM_ACTOR, causationId: source.eventId, correlationId: source.metadata.correlationId, occurredAt: now.toISOString() },
    });
  });

  it('the queued event’s id is derived from the approval, so a replay after a crash is recognised as the same append', async () => {
    const { reaction, fileEvents } = setUp();
    const source = approval();
    await reaction.react(source);
    expect((await fileEvents())[0].eventId).toBe(deterministicEventId(source.eventId, QUEUE_ON_UNION_APPROVAL, '0'));
  });

  it('the same approval handled twice, even at the same time, queues the file once', async () => {
    const { reaction, fileEvents } = setUp();
    const source = approval();
    await Promise.all([reaction.react(source), reaction.react(source)]);
    await reaction.react(source);
    expect((await fileEvents()).map((e) => e.type)).toEqual(['InstallationQueuedForSigning']);
  });

  it('events of other kinds in the inbox are left alone', async () => {
    const { reaction, store } = setUp();
    await reaction.react(
      inboxEvent('union.InstallationRefused.v1', { fileId: ids.fileId, fileNumber: ids.fileNumber, reasons: ['x'], at: '2025-04-05T05:00:00.000Z' }, ids.fileId),
    );
    expect(await store.readAll(null, 10)).toEqual([]);
  });

  it('a failure that is not a rule’s refusal is left to the runner to retry', async () => {
    const { store, reaction } = setUp();
    jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new Error('connection reset'));
    await expect(reaction.react(approval())).rejects.toThrow('connection reset');
  });
});
