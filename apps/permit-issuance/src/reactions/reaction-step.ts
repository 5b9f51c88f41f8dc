import { Logger } from '@nestjs/common';
import { deterministicEventId, type EventStore, type RecordedEvent } from '@cctv/event-store';
import { DomainError, SYSTEM_ACTOR } from '@cctv/kernel';
import type { PermitCommand } from '@cctv/issuance-domain';
import type { Clock } from '@cctv/nest-common';
import { executePermitCommand } from '../permit/execute-permit-command';
import type { PermitNumbers } from '../permit/permit-numbers';

export interface ReactionContext {
  readonly reaction: string;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly numbers: PermitNumbers;
  readonly logger: Pick<Logger, 'log' | 'warn'>;
}

/**
 * Refusals that say the register already holds the outcome the secretariat
 * asked for: the permit was issued already, or is already out of force
 * (revoked, superseded, or ended by time — a renewal seen through after the
 * old main permit expired supersedes nothing). A retry would only be refused
 * again, so they are logged and passed over.
 */
const ALREADY_SETTLED = new Set([
  'permit-already-issued',
  'already-revoked',
  'already-superseded',
  'permit-superseded',
  'permit-revoked',
  'permit-ended',
]);

/**
 * One command caused by one received event. The appended events take ids
 * derived from the source event, the reaction and the step, so a run repeated
 * after a crash appends the same ids and the store keeps them once.
 */
export const runStep = async (
  context: ReactionContext,
  source: RecordedEvent,
  step: string,
  command: PermitCommand,
): Promise<void> => {
  try {
    await executePermitCommand(context.store, command, {
      metadata: {
        occurredAt: context.clock.now().toISOString(),
        correlationId: source.metadata.correlationId,
        causationId: source.eventId,
        // The register records what a person decided at the secretariat: the step is theirs, the causation id says which decision.
        actor: source.metadata.actor.role === 'system' ? SYSTEM_ACTOR : source.metadata.actor,
      },
      eventIds: (index) => deterministicEventId(source.eventId, context.reaction, step, String(index)),
    });
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'conflict' && ALREADY_SETTLED.has(error.code))) throw error;
    context.logger.log(`${source.type} ${source.eventId}: ${command.type} on permit ${command.data.permitId} already settled (${error.code})`);
  }
};
