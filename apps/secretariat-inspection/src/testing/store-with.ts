import { deterministicEventId, InMemoryEventStore, type EventMetadata } from '@cctv/event-store';
import { secretariatFileStreamId, type SecretariatFileEvent } from '@cctv/secretariat-domain';
import { OFFICER } from './file-story';

export const metadataAt = (now: Date): EventMetadata => ({ occurredAt: now.toISOString(), correlationId: 'corr-1', causationId: null, actor: OFFICER });

/** An in-memory store that already holds these files' events, each file in its own stream. */
export const storeWith = async (...files: (readonly SecretariatFileEvent[])[]): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  for (const events of files) {
    if (events.length === 0) continue;
    const streamId = secretariatFileStreamId((events[0].data as { fileId: string }).fileId);
    await store.appendToStream(
      streamId,
      events.map((e, i) => ({ eventId: deterministicEventId(streamId, String(i)), type: e.type, schemaVersion: 1, data: e.data, metadata: metadataAt(new Date(e.data.at)) })),
      'no_stream',
    );
  }
  return store;
};
