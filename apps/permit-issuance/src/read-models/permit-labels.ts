import type { PermitKind, PermitStatus, PermitType } from '@cctv/issuance-domain';

export const KIND_FA: Readonly<Record<PermitKind, string>> = {
  installation: 'مجوز نصب',
  temporary: 'مجوز موقت بهره‌برداری (شش ماهه)',
  main: 'مجوز اصلی بهره‌برداری (دو ساله)',
};

export const PERMIT_TYPE_FA: Readonly<Record<PermitType, string>> = {
  installation: 'مجوز نصب',
  operation: 'مجوز بهره‌برداری',
};

export const STATUS_FA: Readonly<Record<PermitStatus, string>> = {
  valid: 'معتبر',
  expiring: 'معتبر، رو به پایان',
  expired: 'منقضی شده',
  superseded: 'جایگزین شده با مجوز جدید',
  lapsed: 'از اعتبار افتاده',
  revoked: 'باطل شده',
};

/** The register's steps as its audit trail names them. */
export const STEP_LABELS_FA: Readonly<Record<string, string>> = {
  PermitIssued: 'ثبت و صدور مجوز',
  PermitSuperseded: 'جایگزینی با مجوز جدید',
  PermitRevoked: 'ابطال مجوز',
  PermitLapsed: 'از اعتبار افتادن',
  PermitExpired: 'پایان اعتبار',
};
