import { conflict } from '@cctv/kernel';
import type { IssuedPermit } from '../permit/state';

export const endedConflict = (permit: IssuedPermit) =>
  conflict(
    'permit-ended',
    `Permit ${permit.permitNumber} is no longer valid since ${permit.validUntil}`,
    `اعتبار مجوز ${permit.permitNumber} در ${permit.endDate} به پایان رسیده است.`,
  );

export const revokedConflict = (permit: IssuedPermit) =>
  conflict('permit-revoked', `Permit ${permit.permitNumber} was revoked`, `مجوز ${permit.permitNumber} باطل شده است.`);

export const supersededConflict = (permit: IssuedPermit) =>
  conflict(
    'permit-superseded',
    `Permit ${permit.permitNumber} was superseded by a later permit`,
    `مجوز ${permit.permitNumber} با مجوز جدیدتری جایگزین شده است.`,
  );
