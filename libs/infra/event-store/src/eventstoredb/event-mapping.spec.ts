import type { JSONRecordedEvent } from '@eventstore/db-client';
import type { NewEvent } from '../event-store.port';
import { fromEsdbEvent, fromStoredMetadata, toEventData } from './event-mapping';

const opened: NewEvent = {
  eventId: '3f2b7c1e-8a4d-4c2e-9b1f-0d6e5a7c8b90',
  type: 'FileOpened',
  schemaVersion: 2,
  data: { owner: 'Zahra', premises: 'shared-building', fa: 'پرونده' },
  metadata: {
    occurredAt: '2025-03-21T08:30:00.000Z',
    correlationId: 'c0a8e1f2-1111-4222-8333-944455556666',
    causationId: 'a1b2c3d4-0000-4000-8000-000000000001',
    actor: { personId: 'clerk-7', role: 'union-clerk' },
  },
};

/** What the server hands back for an event written from `data`: the client sends JSON and parses it again. */
function recorded(event: NewEvent, overrides: Partial<JSONRecordedEvent> = {}): JSONRecordedEvent {
  const data = toEventData(event);
  return {
    streamId: 'union.file-1',
    id: data.id,
    isJson: true,
    revision: 3n,
    type: data.type,
    created: new Date('2025-03-21T08:30:01.000Z'),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: 900n, prepare: 880n },
    ...overrides,
  } as JSONRecordedEvent;
}

describe('events to and from EventStoreDB', () => {
  it('an event is written as JSON under our id and type, with the data unchanged', () => {
    const data = toEventData(opened);
    expect(data).toMatchObject({ id: opened.eventId, type: 'FileOpened', contentType: 'application/json', data: opened.data });
  });

  it("metadata uses EventStoreDB's $correlationId and $causationId keys and carries the schema version", () => {
    const stored = recorded(opened).metadata;
    expect(stored).toEqual({
      $correlationId: opened.metadata.correlationId,
      $causationId: opened.metadata.causationId,
      occurredAt: opened.metadata.occurredAt,
      actor: opened.metadata.actor,
      schemaVersion: 2,
    });
  });

  it('a first event, caused by nothing, stores no $causationId and reads back with causation null', () => {
    const first: NewEvent = { ...opened, metadata: { ...opened.metadata, causationId: null } };
    const back = recorded(first);
    expect(back.metadata).not.toHaveProperty('$causationId');
    expect(fromEsdbEvent(back, 'file-1').metadata.causationId).toBeNull();
  });

  it('reads back as the event that was written, with stream, version and position added', () => {
    expect(fromEsdbEvent(recorded(opened), 'file-1')).toEqual({
      ...opened,
      streamId: 'file-1',
      streamVersion: 3,
      position: '900:880',
    });
  });

  it('an event without its $all position (a server older than 22.6) is refused, not given a made-up position', () => {
    expect(() => fromEsdbEvent(recorded(opened, { position: undefined }), 'file-1')).toThrow(/22\.6/);
  });

  it('an event that is not JSON is refused', () => {
    const binary = { ...recorded(opened), isJson: false, data: new Uint8Array([1]) } as unknown as JSONRecordedEvent;
    expect(() => fromEsdbEvent(binary, 'file-1')).toThrow(/not JSON/);
  });

  it('metadata written by someone else (no correlation, no actor, no schema version) is refused', () => {
    expect(() => fromStoredMetadata({ $correlationId: 'x', occurredAt: 'now' }, 'e-1')).toThrow(/e-1/);
    expect(() => fromStoredMetadata(undefined, 'e-2')).toThrow(/e-2/);
    expect(() => fromStoredMetadata({ ...recorded(opened).metadata as object, $causationId: 42 }, 'e-3')).toThrow(/e-3/);
  });
});
