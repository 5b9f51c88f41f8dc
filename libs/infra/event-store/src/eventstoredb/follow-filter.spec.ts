import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { followFilter, isOurs } from './follow-filter';
import { StreamNames } from './stream-names';

describe('following only our own streams in the shared $all', () => {
  const union = new StreamNames('union.');

  it('a service with a prefix stores its streams under it and gets its own ids back', () => {
    expect(union.stored('file-1')).toBe('union.file-1');
    expect(union.ours('union.file-1')).toBe('file-1');
  });

  it("another service's streams and system streams are not ours", () => {
    expect(union.ours('secretariat.file-1')).toBeNull();
    expect(union.ours('$$union.file-1')).toBeNull();
    expect(isOurs(union, { streamId: 'secretariat.file-1', type: 'FileOpened' })).toBe(false);
    expect(isOurs(union, { streamId: 'union.file-1', type: 'FileOpened' })).toBe(true);
  });

  it('system events are skipped even without a prefix', () => {
    const all = new StreamNames();
    expect(isOurs(all, { streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(false);
    expect(isOurs(all, { streamId: 'file-1', type: '$metadata' })).toBe(false);
    expect(isOurs(all, { streamId: 'file-1', type: 'FileOpened' })).toBe(true);
  });

  it('the subscription filters on the server by stream prefix, or drops system event types when there is none', () => {
    expect(followFilter(union)).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['union.'] });
    const noPrefix = followFilter(new StreamNames());
    expect(noPrefix).toMatchObject({ filterOn: EVENT_TYPE });
    expect(new RegExp((noPrefix as { regex: string }).regex).test('$statsCollected')).toBe(false);
    expect(new RegExp((noPrefix as { regex: string }).regex).test('FileOpened')).toBe(true);
  });

  it('claim streams of event ids sit under the prefix but are never ours, so readAll and the waiter skip them', () => {
    const claim = union.claim('0B6F2A4E-1C3D-4E5F-8A9B-0C1D2E3F4A5B');
    expect(claim).toBe('union.eventid-0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(union.ours(claim)).toBeNull();
    expect(isOurs(union, { streamId: claim, type: 'EventIdClaimed' })).toBe(false);
    expect(isOurs(new StreamNames(), { streamId: new StreamNames().claim('0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'), type: 'EventIdClaimed' })).toBe(false);
  });

  it('a domain stream id that would be taken for a claim stream is refused', () => {
    expect(() => union.stored('eventid-0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b')).toThrow(/claims/);
  });

  it('a prefix that would make our streams system streams is refused', () => {
    expect(() => new StreamNames('$union.')).toThrow(/system/);
  });
});
