import { addJalaliDays, assertNever, EXPIRING_DAYS, parseJalali, startOfJalaliDay } from '@cctv/kernel';
import { permitStatus, type IssuedPermit, type PermitState, type PermitStatus } from '@cctv/issuance-domain';
import type { PermitRow } from './permit.row';

export const PERMIT_STATUSES: readonly PermitStatus[] = ['valid', 'expiring', 'expired', 'superseded', 'lapsed', 'revoked'];

/** The start of the first day counted as 'expiring': EXPIRING_DAYS Tehran days before the end date. */
export const expiringFromOf = (endDateJalali: string): Date =>
  startOfJalaliDay(addJalaliDays(parseJalali(endDateJalali), -EXPIRING_DAYS));

/** The permit's state rebuilt from its row, so that the status comes from the domain's own rule. */
export const permitStateOf = (row: PermitRow): PermitState => {
  const permit: IssuedPermit = {
    permitId: row.permitId,
    permitNumber: row.permitNumber,
    fileId: row.fileId,
    permitType: row.permitType,
    kind: row.kind,
    hologramSerial: row.hologramSerial,
    supersedesPermitId: row.supersedesPermitId,
    deficiencies: row.deficiencies,
    issuedAt: row.issuedAt.toISOString(),
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    issuedOn: row.issuedOn,
    validThrough: row.validThrough,
    endDate: row.endDate,
    at: row.issuedAt.toISOString(),
  };
  const recorded = row.recorded;
  switch (recorded) {
    case 'issued':
      return { status: 'issued', permit };
    case 'superseded':
      return { status: 'superseded', permit, supersededBy: row.supersededByPermitId ?? '', supersededAt: iso(row.supersededAt) };
    case 'revoked':
      return { status: 'revoked', permit, reason: row.revocationReason ?? '', revokedAt: iso(row.revokedAt) };
    case 'lapsed':
    case 'expired':
      return { status: recorded, permit, endedAt: iso(row.endedAt ?? row.validUntil) };
    default:
      return assertNever(recorded);
  }
};

const iso = (at: Date | null): string => (at ?? new Date(0)).toISOString();

export const registerStatus = (row: PermitRow, now: Date): PermitStatus => permitStatus(permitStateOf(row), now);

/**
 * The same rule as `permitStatus`, as SQL over rm_permits (alias `p`, the
 * instant bound as `:now`), so that a list filtered by status pages in the
 * database. The read-model test holds the two to the same answers.
 */
const WITHDRAWN = `((p.recorded = 'revoked' AND p.revokedAt <= :now) OR (p.recorded = 'superseded' AND p.supersededAt <= :now))`;

export const STATUS_CONDITION: Readonly<Record<PermitStatus, string>> = {
  revoked: `(p.recorded = 'revoked' AND p.revokedAt <= :now)`,
  superseded: `(p.recorded = 'superseded' AND p.supersededAt <= :now)`,
  expired: `(NOT ${WITHDRAWN} AND p.kind = 'main' AND p.validUntil <= :now)`,
  lapsed: `(NOT ${WITHDRAWN} AND p.kind <> 'main' AND p.validUntil <= :now)`,
  expiring: `(NOT ${WITHDRAWN} AND p.validUntil > :now AND p.expiringFrom <= :now)`,
  valid: `(NOT ${WITHDRAWN} AND p.expiringFrom > :now)`,
};
