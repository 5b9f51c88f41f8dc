import { assertNever, type Decider } from '@cctv/kernel';
import { endPermitValidity } from '../ending-validity/end-permit-validity';
import { issuePermit } from '../issuing-permit/issue-permit';
import { revokePermit } from '../revoking-permit/revoke-permit';
import { supersedePermit } from '../superseding-permit/supersede-permit';
import type { PermitCommand } from './commands';
import type { PermitEvent } from './events';
import { evolve } from './evolve';
import { initialPermitState, type PermitState } from './state';

const decide = (command: PermitCommand, state: PermitState): readonly PermitEvent[] => {
  switch (command.type) {
    case 'IssuePermit':
      return issuePermit(command, state);
    case 'SupersedePermit':
      return supersedePermit(command, state);
    case 'RevokePermit':
      return revokePermit(command, state);
    case 'EndPermitValidity':
      return endPermitValidity(command, state);
    default:
      return assertNever(command);
  }
};

/** One permit in the register: issued, then possibly superseded, revoked, lapsed or expired. */
export const permitDecider: Decider<PermitCommand, PermitState, PermitEvent> = {
  decide,
  evolve,
  initialState: initialPermitState,
};

export const permitStreamId = (permitId: string): string => `permit-${permitId}`;
