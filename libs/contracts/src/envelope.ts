import type { OfficeRole } from '@cctv/kernel';

/**
 * A public integration event as it travels on Kafka (JSON value, key = aggregateId).
 * Public means: no national ID, phone number or home address, ever. `actor.personId`
 * is an office user id, never a national ID.
 */
export interface IntegrationEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type; // e.g. 'union.InstallationApproved.v1': stable, versioned on purpose
  readonly schemaVersion: number;
  readonly source: ServiceName;
  readonly aggregateId: string;
  readonly occurredAt: string; // ISO-8601 UTC
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: { readonly personId: string; readonly role: OfficeRole };
  readonly data: Data;
}

export type ServiceName = 'union-intake' | 'secretariat-inspection' | 'permit-issuance';

/** One public topic per service; a dead-letter topic per consuming service. */
export const TOPICS = {
  union: 'union.files.v1',
  secretariat: 'secretariat.cases.v1',
  issuance: 'issuance.permits.v1',
} as const;

export const deadLetterTopic = (consumer: ServiceName): string => `${consumer}.dlq`;
