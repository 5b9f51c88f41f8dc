import type { RecordedEvent } from '@cctv/event-store';
import { publicEnvelope } from './public-envelope';

const recorded = (actor: { personId: string; role: 'owner' | 'union-head' }): RecordedEvent => ({
  eventId: 'e-1', type: 'DocumentSubmitted', schemaVersion: 1, data: {}, streamId: 'union-file-f', streamVersion: 3, position: '9',
  metadata: { occurredAt: '2025-05-01T06:00:00.000Z', correlationId: 'c-1', causationId: null, actor },
} as RecordedEvent);

describe('the public envelope', () => {
  it('names office staff as they signed in, with the request’s correlation id', () => {
    const envelope = publicEnvelope(recorded({ personId: 'head-maryam', role: 'union-head' }), 'union-intake', { type: 'union.X.v1', data: {} }, 'f');
    expect(envelope).toMatchObject({ actor: { personId: 'head-maryam', role: 'union-head' }, correlationId: 'c-1', occurredAt: '2025-05-01T06:00:00.000Z' });
  });

  it('publishes an owner only as "an owner": their sign-in id may be their national ID', () => {
    const envelope = publicEnvelope(recorded({ personId: '0013542419', role: 'owner' }), 'union-intake', { type: 'union.X.v1', data: {} }, 'f');
    expect(envelope.actor).toEqual({ personId: 'owner', role: 'owner' });
    expect(JSON.stringify(envelope)).not.toContain('0013542419');
  });
});
