import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cctv/event-store';
import { RowSet } from '@cctv/projections';
import { PermitStepRow } from './permit-step.row';

const STEPS = new Set<string>(['PermitIssued', 'PermitSuperseded', 'PermitRevoked', 'PermitLapsed', 'PermitExpired']);

const stepOf = (event: RecordedEvent): PermitStepRow => {
  const data = event.data as { permitId: string; at?: string; issuedAt?: string };
  return {
    eventId: event.eventId,
    permitId: data.permitId,
    at: new Date(data.at ?? data.issuedAt ?? event.metadata.occurredAt),
    step: event.type,
    actorRole: event.metadata.actor.role,
    actorId: event.metadata.actor.personId,
    correlationId: event.metadata.correlationId,
  };
};

/**
 * The register's audit trail: every recorded step of every permit with the
 * person and role the event names and its correlation id. Kept apart from the
 * register's rows, which hold only the latest facts. A batch writes its steps
 * with one statement (a step already recorded is written over, as on replay).
 */
export const permitStepsProjection = {
  name: 'permit-steps',

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return permitStepsProjection.applyBatch([event], em);
  },

  async applyBatch(events: readonly RecordedEvent[], em: EntityManager): Promise<void> {
    const steps = events.filter((event) => STEPS.has(event.type));
    if (steps.length === 0) return;
    const rows = new RowSet(PermitStepRow, 'eventId');
    await rows.load(em, { eventId: steps.map((event) => event.eventId) });
    for (const event of steps) rows.put(stepOf(event));
    await rows.flush(em);
  },

  async reset(em: EntityManager): Promise<void> {
    await em.getRepository(PermitStepRow).delete({});
  },
};
