import { daysLeft, formatJalali, toJalaliDate } from '@cctv/kernel';
import type { PermitStatus } from '@cctv/issuance-domain';
import { KIND_FA, PERMIT_TYPE_FA, STATUS_FA } from './permit-labels';
import type { PermitRow } from './permit.row';
import { registerStatus } from './register-status';

/** Where the QR code printed on a permit leads: the public verification page of the register. */
export const verificationUrlOf = (baseUrl: string, permitNumber: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(permitNumber)}`;

const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);
const jalaliOrNull = (at: Date | null) => (at ? formatJalali(toJalaliDate(at)) : null);

/** One line of the register as a clerk reads it: codes for programs, Jalali dates and Persian labels for people. */
export const registerEntry = (row: PermitRow, now: Date, baseUrl: string) => {
  const status: PermitStatus = registerStatus(row, now);
  return {
    permitId: row.permitId,
    permitNumber: row.permitNumber,
    permitType: row.permitType,
    permitTypeFa: PERMIT_TYPE_FA[row.permitType],
    kind: row.kind,
    kindFa: KIND_FA[row.kind],
    fileId: row.fileId,
    hologramSerial: row.hologramSerial,
    issuedAt: row.issuedAt.toISOString(),
    issuedOnJalali: row.issuedOn,
    validThroughJalali: row.validThrough,
    endDateJalali: row.endDate,
    validUntil: row.validUntil.toISOString(),
    status,
    statusFa: STATUS_FA[status],
    daysLeft: status === 'valid' || status === 'expiring' ? daysLeft(row.validUntil, now) : 0,
    deficiencies: row.deficiencies,
    supersedesPermitNumber: row.supersedesPermitNumber,
    supersededByPermitNumber: row.supersededByPermitNumber,
    supersededAt: isoOrNull(row.supersededAt),
    supersededOnJalali: jalaliOrNull(row.supersededAt),
    revocationReason: row.revocationReason,
    revokedAt: isoOrNull(row.revokedAt),
    revokedOnJalali: jalaliOrNull(row.revokedAt),
    verificationUrl: verificationUrlOf(baseUrl, row.permitNumber),
  };
};

export type RegisterEntry = ReturnType<typeof registerEntry>;
