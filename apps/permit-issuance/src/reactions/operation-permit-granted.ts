import type { RecordedEvent } from '@cctv/event-store';
import { secretariatPayload } from './inbox-payload';
import { issuePermitOnce } from './issue-permit-once';
import { runStep, type ReactionContext } from './reaction-step';

/**
 * The secretariat granted a temporary or main operation permit. A main permit
 * after re-inspection, or a renewal, replaces the earlier permit from the
 * instant of the new signature.
 */
export const onOperationPermitGranted = async (context: ReactionContext, source: RecordedEvent): Promise<void> => {
  const granted = secretariatPayload(source, 'secretariat.OperationPermitGranted.v1');
  const issuedAt = new Date(granted.at);
  await issuePermitOnce(context, source, {
    permitId: granted.permitId,
    permitType: 'operation',
    kind: granted.kind,
    fileId: granted.fileId,
    hologramSerial: granted.hologramSerial,
    issuedAt,
    supersedesPermitId: granted.supersedesPermitId,
    deficiencies: granted.deficiencies,
  });
  // Also after a crash that came between the two steps: superseding by the same permit again changes nothing.
  if (granted.supersedesPermitId !== null) {
    await runStep(context, source, 'supersede', {
      type: 'SupersedePermit',
      data: { permitId: granted.supersedesPermitId, supersededBy: granted.permitId, now: issuedAt },
    });
  }
};
