import type { RecordedEvent } from '@cctv/event-store';
import { secretariatPayload } from './inbox-payload';
import { runStep, type ReactionContext } from './reaction-step';

/** The secretariat withdrew a permit in writing: the register shows it revoked from that instant. */
export const onPermitRevoked = async (context: ReactionContext, source: RecordedEvent): Promise<void> => {
  const revoked = secretariatPayload(source, 'secretariat.PermitRevoked.v1');
  await runStep(context, source, 'revoke', {
    type: 'RevokePermit',
    data: { permitId: revoked.permitId, reason: revoked.reason, now: new Date(revoked.at) },
  });
};
