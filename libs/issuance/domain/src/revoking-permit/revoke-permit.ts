import { assertNever, conflict } from '@cctv/kernel';
import type { RevokePermit } from '../permit/commands';
import { endedConflict, supersededConflict } from '../permit/conflicts';
import type { PermitRevoked } from '../permit/events';
import { hasRunOut, identityOf, requirePermit, requireText, requireTime } from '../permit/guards';
import type { PermitState } from '../permit/state';

/** The secretariat withdraws a permit in force, in writing. One no longer in force has nothing to withdraw. */
export const revokePermit = ({ data }: RevokePermit, state: PermitState): readonly PermitRevoked[] => {
  const recorded = requirePermit(state);
  const now = requireTime(data.now, 'now');
  const reason = requireText(data.reason, 'reason', 'علت ابطال');
  const { permit } = recorded;
  switch (recorded.status) {
    case 'revoked':
      throw conflict(
        'already-revoked',
        `Permit ${permit.permitNumber} is already revoked`,
        `مجوز ${permit.permitNumber} پیش‌تر باطل شده است.`,
      );
    case 'superseded':
      throw supersededConflict(permit);
    case 'lapsed':
    case 'expired':
      throw endedConflict(permit);
    case 'issued':
      if (hasRunOut(permit, now)) throw endedConflict(permit);
      return [{ type: 'PermitRevoked', data: { ...identityOf(permit), reason, at: now.toISOString() } }];
    default:
      return assertNever(recorded);
  }
};
