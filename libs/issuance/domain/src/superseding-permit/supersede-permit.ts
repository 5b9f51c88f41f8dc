import { assertNever, conflict, invalid } from '@cctv/kernel';
import type { SupersedePermit } from '../permit/commands';
import type { PermitSuperseded } from '../permit/events';
import { hasRunOut, identityOf, requirePermit, requireText, requireTime } from '../permit/guards';
import type { PermitState } from '../permit/state';
import { endedConflict, revokedConflict } from '../permit/conflicts';

/**
 * A later permit replaces this one (a main after a temporary, a renewal). It
 * must arrive while this one is still in force: a temporary permit whose six
 * months ran out has lapsed and is not superseded after the fact.
 */
export const supersedePermit = ({ data }: SupersedePermit, state: PermitState): readonly PermitSuperseded[] => {
  const recorded = requirePermit(state);
  const now = requireTime(data.now, 'now');
  const supersededBy = requireText(data.supersededBy, 'supersededBy', 'مجوز جایگزین');
  const { permit } = recorded;
  if (supersededBy === permit.permitId) {
    throw invalid('cannot-supersede-itself', 'A permit cannot supersede itself', 'مجوز نمی‌تواند جایگزین خودش شود.', 'supersededBy');
  }
  switch (recorded.status) {
    case 'superseded':
      if (recorded.supersededBy === supersededBy) return [];
      throw conflict(
        'already-superseded',
        `Permit ${permit.permitNumber} was already superseded by ${recorded.supersededBy}`,
        `مجوز ${permit.permitNumber} پیش‌تر با مجوز دیگری جایگزین شده است.`,
      );
    case 'revoked':
      throw revokedConflict(permit);
    case 'lapsed':
    case 'expired':
      throw endedConflict(permit);
    case 'issued':
      if (hasRunOut(permit, now)) throw endedConflict(permit);
      return [{ type: 'PermitSuperseded', data: { ...identityOf(permit), supersededBy, at: now.toISOString() } }];
    default:
      return assertNever(recorded);
  }
};
