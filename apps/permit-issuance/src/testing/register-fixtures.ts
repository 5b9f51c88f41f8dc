import { randomUUID } from 'node:crypto';
import type { IntegrationEvent, SecretariatEventsV1 } from '@cctv/contracts';
import { InMemoryEventStore, type RecordedEvent } from '@cctv/event-store';
import type { Clock } from '@cctv/nest-common';

/**
 * Around DOMAIN.md's example: signed on 1404/02/10 at 10:30 Tehran time
 * (2025-04-30T07:00Z; Tehran is on +03:30 all year since 2022).
 */
export const SIGNED_AT = '2025-04-30T07:00:00.000Z';

export const FILE_ID = '3f0b9c1e-8d2a-4e71-9a43-6c5d2b1e0f77';

export const settableClock = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next) => void (now = new Date(next)) };
};

/** The secretariat's event as it sits in this service's log: the whole envelope as data. */
export const inboxEvent = <T extends keyof SecretariatEventsV1>(
  type: T,
  data: SecretariatEventsV1[T],
  eventId: string = randomUUID(),
): RecordedEvent => {
  const envelope: IntegrationEvent<T, SecretariatEventsV1[T]> = {
    eventId,
    type,
    schemaVersion: 1,
    source: 'secretariat-inspection',
    aggregateId: data.fileId,
    occurredAt: data.at,
    correlationId: `corr-${eventId}`,
    causationId: null,
    actor: { personId: 'officer-7', role: 'secretariat-officer' },
    data,
  };
  return {
    eventId,
    type,
    schemaVersion: 1,
    data: envelope,
    metadata: { occurredAt: data.at, correlationId: envelope.correlationId, causationId: null, actor: envelope.actor },
    streamId: `inbox-secretariat-inspection-${data.fileId}`,
    streamVersion: 0,
    position: '0',
  };
};

export const installationSigned = (overrides: Partial<SecretariatEventsV1['secretariat.InstallationPermitSigned.v1']> = {}) =>
  inboxEvent('secretariat.InstallationPermitSigned.v1', {
    fileId: FILE_ID,
    fileNumber: 'U-1404-000001',
    installationPermitId: 'a9d1e2f3-0000-4000-8000-000000000001',
    hologramSerial: 'KR1404000101',
    at: SIGNED_AT,
    ...overrides,
  });

export const operationGranted = (overrides: Partial<SecretariatEventsV1['secretariat.OperationPermitGranted.v1']> = {}) =>
  inboxEvent('secretariat.OperationPermitGranted.v1', {
    fileId: FILE_ID,
    permitId: 'b9d1e2f3-0000-4000-8000-000000000002',
    installationPermitId: 'a9d1e2f3-0000-4000-8000-000000000001',
    kind: 'temporary',
    hologramSerial: 'KR1404000102',
    deficiencies: [{ item: 'monitored-sign-posted', note: 'تابلوی «این مکان مجهز به دوربین مداربسته است» نصب نشده' }],
    supersedesPermitId: null,
    at: SIGNED_AT,
    ...overrides,
  });

export const permitRevoked = (overrides: Partial<SecretariatEventsV1['secretariat.PermitRevoked.v1']> = {}) =>
  inboxEvent('secretariat.PermitRevoked.v1', {
    fileId: FILE_ID,
    permitId: 'b9d1e2f3-0000-4000-8000-000000000002',
    reason: 'دوربین به داخل منازل همسایه دید دارد',
    at: '2025-06-01T08:00:00.000Z',
    ...overrides,
  });

/** Every event of the store's log, in order: what the projection and the relay would follow. */
export const wholeLog = async (store: InMemoryEventStore): Promise<readonly RecordedEvent[]> => store.readAll(null, 10_000);
