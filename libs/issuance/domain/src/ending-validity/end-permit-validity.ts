import { assertNever, conflict } from '@cctv/kernel';
import type { EndPermitValidity } from '../permit/commands';
import { revokedConflict, supersededConflict } from '../permit/conflicts';
import type { PermitExpired, PermitLapsed } from '../permit/events';
import { hasRunOut, identityOf, requirePermit, requireTime } from '../permit/guards';
import type { IssuedPermit, PermitState } from '../permit/state';

/**
 * Records that time ended the permit: a temporary or installation permit
 * lapses, a main one expires. Timers fire more than once, so an ended permit
 * takes the command again without a new event.
 */
export const endPermitValidity = (
  { data }: EndPermitValidity,
  state: PermitState,
): readonly (PermitLapsed | PermitExpired)[] => {
  const recorded = requirePermit(state);
  const now = requireTime(data.now, 'now');
  const { permit } = recorded;
  switch (recorded.status) {
    case 'lapsed':
    case 'expired':
      return [];
    case 'superseded':
      throw supersededConflict(permit);
    case 'revoked':
      throw revokedConflict(permit);
    case 'issued':
      if (!hasRunOut(permit, now)) {
        throw conflict(
          'not-due',
          `Permit ${permit.permitNumber} is valid until ${permit.validUntil}`,
          `مجوز ${permit.permitNumber} تا پایان ${permit.validThrough} معتبر است.`,
        );
      }
      return [ended(permit, now)];
    default:
      return assertNever(recorded);
  }
};

const ended = (permit: IssuedPermit, now: Date): PermitLapsed | PermitExpired => {
  const base = { ...identityOf(permit), endedAt: permit.validUntil, at: now.toISOString() };
  switch (permit.kind) {
    case 'main':
      return { type: 'PermitExpired', data: { ...base, kind: 'main' } };
    case 'temporary':
    case 'installation':
      return { type: 'PermitLapsed', data: { ...base, kind: permit.kind } };
    default:
      return assertNever(permit.kind);
  }
};
