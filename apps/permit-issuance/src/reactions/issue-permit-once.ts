import type { RecordedEvent } from '@cctv/event-store';
import { permitStreamId, type IssuePermit } from '@cctv/issuance-domain';
import { runStep, type ReactionContext } from './reaction-step';

/**
 * Numbers are taken only for a permit the register does not hold yet, so a
 * repeated delivery never takes a second one. A crash between taking the
 * number and appending the permit loses that number: the register then shows
 * a gap in the sequence, never two numbers for one permit.
 */
export const issuePermitOnce = async (
  context: ReactionContext,
  source: RecordedEvent,
  data: Omit<IssuePermit['data'], 'permitNumber'>,
): Promise<void> => {
  const { events } = await context.store.readStream(permitStreamId(data.permitId));
  if (events.some((event) => event.type === 'PermitIssued')) return;
  const permitNumber = await context.numbers.next(data.kind, data.issuedAt);
  await runStep(context, source, 'issue', { type: 'IssuePermit', data: { ...data, permitNumber } });
};
