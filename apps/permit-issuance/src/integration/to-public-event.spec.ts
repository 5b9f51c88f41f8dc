import { INTEGRATION_SCHEMAS, schemaProblem, type IntegrationEventType } from '@cctv/contracts';
import { InMemoryEventStore, type RecordedEvent } from '@cctv/event-store';
import { permitDecider, permitStreamId, type PermitCommand, type PermitEvent } from '@cctv/issuance-domain';
import { fold } from '@cctv/kernel';
import { operationGranted } from '../testing/register-fixtures';
import { toPublicEvent } from './to-public-event';

const record = (event: PermitEvent, index: number): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { occurredAt: event.data.at, correlationId: 'corr-1', causationId: 'cause-1', actor: { personId: 'system', role: 'system' } },
  streamId: permitStreamId(event.data.permitId),
  streamVersion: index,
  position: String(index),
});

/** Events as the decider really makes them, so the mapping is held to what the register appends. */
const decided = (history: readonly PermitEvent[], command: PermitCommand): PermitEvent[] => [
  ...permitDecider.decide(command, fold(permitDecider, history)),
];

const issue = (permitId: string, kind: 'temporary' | 'main', permitNumber: string): PermitCommand => ({
  type: 'IssuePermit',
  data: {
    permitId, permitNumber, permitType: 'operation', kind, fileId: 'f1e2d3c4-0000-4000-8000-000000000001',
    hologramSerial: `KR140400010${kind === 'main' ? 1 : 2}`, issuedAt: new Date('2025-04-30T07:00:00.000Z'), supersedesPermitId: null,
    deficiencies: kind === 'temporary' ? [{ item: 'monitored-sign-posted', note: 'no sign' }] : [],
  },
});

const everyKindOfEvent = (): PermitEvent[] => {
  const temporary = decided([], issue('p-temp', 'temporary', 'KR-OT-1404-000001'));
  const main = decided([], issue('p-main', 'main', 'KR-OM-1404-000001'));
  const revoked = decided([], issue('p-rev', 'main', 'KR-OM-1404-000002'));
  return [
    ...temporary,
    ...decided(temporary, { type: 'SupersedePermit', data: { permitId: 'p-temp', supersededBy: 'p-main', now: new Date('2025-06-01T00:00:00Z') } }),
    ...decided(temporary, { type: 'EndPermitValidity', data: { permitId: 'p-temp', now: new Date('2025-11-01T00:00:00Z') } }),
    ...main,
    ...decided(main, { type: 'EndPermitValidity', data: { permitId: 'p-main', now: new Date('2027-05-01T00:00:00Z') } }),
    ...revoked,
    ...decided(revoked, { type: 'RevokePermit', data: { permitId: 'p-rev', reason: 'cameras look into homes', now: new Date('2025-06-01T00:00:00Z') } }),
  ];
};

describe('what the register publishes', () => {
  const published = everyKindOfEvent().map((event, index) => ({ event, public: toPublicEvent(record(event, index)) }));

  it('every kind of permit event has a public form', () => {
    expect(new Set(published.map((p) => p.event.type))).toEqual(
      new Set(['PermitIssued', 'PermitSuperseded', 'PermitLapsed', 'PermitExpired', 'PermitRevoked']),
    );
    expect(published.map((p) => p.public?.type)).toEqual([
      'issuance.PermitIssued.v1', 'issuance.PermitSuperseded.v1', 'issuance.PermitLapsed.v1',
      'issuance.PermitIssued.v1', 'issuance.PermitExpired.v1', 'issuance.PermitIssued.v1', 'issuance.PermitRevoked.v1',
    ]);
  });

  it.each(['PermitIssued', 'PermitSuperseded', 'PermitLapsed', 'PermitExpired', 'PermitRevoked'])(
    'a %s fits its published schema exactly: every field, and no other',
    (type) => {
      for (const { public: event } of published.filter((p) => p.event.type === type)) {
        expect(event).not.toBeNull();
        expect(schemaProblem(event!.type, event!.data)).toBeNull();
        expect(Object.keys(event!.data as object).sort()).toEqual(Object.keys(INTEGRATION_SCHEMAS[event!.type as IntegrationEventType]).sort());
      }
    },
  );

  it('a permit issued carries its window as the Jalali days people read and the instant programs compare', () => {
    const issued = published.find((p) => p.event.type === 'PermitIssued' && p.event.data.kind === 'temporary')!.public!;
    expect(issued.data).toMatchObject({ issuedOnJalali: '1404/02/10', validThroughJalali: '1404/08/09', validUntil: '2025-10-31T20:30:00.000Z' });
  });

  it('the envelope is keyed by the permit, comes from the register and keeps the cause and correlation', () => {
    const first = published[0].public!;
    expect(first).toMatchObject({
      source: 'permit-issuance', aggregateId: 'p-temp', schemaVersion: 1, eventId: '00000000-0000-4000-8000-000000000000',
      correlationId: 'corr-1', causationId: 'cause-1', actor: { personId: 'system', role: 'system' },
    });
  });

  it('nothing personal and no deficiency notes leave the register', () => {
    for (const { public: event } of published) {
      const text = JSON.stringify(event!.data);
      expect(text).not.toMatch(/national|mobile|phone|address|postal|owner|deficienc/i);
    }
  });

  it('the secretariat’s events kept in the inbox are not republished', async () => {
    const store = new InMemoryEventStore();
    const granted = operationGranted();
    await store.appendToStream(granted.streamId, [granted], 'any');
    const [kept] = await store.readAll(null, 1);
    expect(toPublicEvent(kept)).toBeNull();
  });
});
