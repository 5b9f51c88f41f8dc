import { daysLeft, EXPIRING_DAYS } from '@cctv/kernel';
import type { OperationPermitRow } from './operation-permit.row';

export type PermitStandingAt = 'in-force' | 'expiring' | 'lapsed' | 'expired' | 'superseded' | 'revoked';

export const PERMIT_STANDING_FA: Readonly<Record<PermitStandingAt, string>> = {
  'in-force': 'معتبر',
  expiring: 'معتبر، رو به پایان (کمتر از ۳۰ روز مانده)',
  lapsed: 'مهلت مجوز موقت تمام شده و از اعتبار افتاده',
  expired: 'اعتبار مجوز اصلی تمام شده',
  superseded: 'با مجوز جدید جایگزین شده',
  revoked: 'لغو شده',
};

/**
 * Where a permit stands at `now`. Lapse and expiry are not recorded here (the
 * register records them); they follow from the clock and validUntil.
 */
export const permitStandingAt = (permit: Pick<OperationPermitRow, 'standing' | 'kind' | 'validUntil'>, now: Date): PermitStandingAt => {
  if (permit.standing !== 'granted') return permit.standing;
  if (now.getTime() >= permit.validUntil.getTime()) return permit.kind === 'temporary' ? 'lapsed' : 'expired';
  return daysLeft(permit.validUntil, now) <= EXPIRING_DAYS ? 'expiring' : 'in-force';
};
