import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cctv/event-store';
import { PermitStepRow } from './permit-step.row';

const STEPS = new Set<string>(['PermitIssued', 'PermitSuperseded', 'PermitRevoked', 'PermitLapsed', 'PermitExpired']);

/**
 * The register's audit trail: every recorded step of every permit with the
 * person and role the event names and its correlation id. Kept apart from the
 * register's rows, which hold only the latest facts.
 */
export const permitStepsProjection = {
  name: 'permit-steps',

  async apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    if (!STEPS.has(event.type)) return;
    const data = event.data as { permitId: string; at?: string; issuedAt?: string };
    await em.getRepository(PermitStepRow).upsert({
      eventId: event.eventId,
      permitId: data.permitId,
      at: new Date(data.at ?? data.issuedAt ?? event.metadata.occurredAt),
      step: event.type,
      actorRole: event.metadata.actor.role,
      actorId: event.metadata.actor.personId,
      correlationId: event.metadata.correlationId,
    }, ['eventId']);
  },

  async reset(em: EntityManager): Promise<void> {
    await em.getRepository(PermitStepRow).delete({});
  },
};
