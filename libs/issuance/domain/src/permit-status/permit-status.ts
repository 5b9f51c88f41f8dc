import { assertNever, daysLeft, EXPIRING_DAYS } from '@cctv/kernel';
import { hasRunOut, requirePermit } from '../permit/guards';
import type { IssuedPermit, PermitState } from '../permit/state';

export type PermitStatus = 'valid' | 'expiring' | 'expired' | 'superseded' | 'lapsed' | 'revoked';

/**
 * What the register answers about a permit at any instant. Time ends a permit
 * by itself, so the answer never waits for EndPermitValidity to have run;
 * a revocation or supersession counts from the instant it was recorded.
 */
export const permitStatus = (state: PermitState, now: Date): PermitStatus => {
  const recorded = requirePermit(state);
  switch (recorded.status) {
    case 'revoked':
      if (now.getTime() >= Date.parse(recorded.revokedAt)) return 'revoked';
      break;
    case 'superseded':
      if (now.getTime() >= Date.parse(recorded.supersededAt)) return 'superseded';
      break;
    case 'issued':
    case 'lapsed':
    case 'expired':
      break;
    default:
      return assertNever(recorded);
  }
  return statusByTime(recorded.permit, now);
};

const statusByTime = (permit: IssuedPermit, now: Date): PermitStatus => {
  if (hasRunOut(permit, now)) return permit.kind === 'main' ? 'expired' : 'lapsed';
  // "Expiring" covers the EXPIRING_DAYS calendar days before the end date.
  return daysLeft(new Date(permit.validUntil), now) <= EXPIRING_DAYS ? 'expiring' : 'valid';
};
