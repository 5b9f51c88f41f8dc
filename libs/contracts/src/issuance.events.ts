/** Public events of the permit register, on topic `issuance.permits.v1`, keyed by permitId. */
export type PermitType = 'installation' | 'operation';
export type PermitKind = 'installation' | 'temporary' | 'main';

export interface IssuancePermitIssuedV1 {
  readonly permitId: string;
  readonly permitNumber: string;
  readonly permitType: PermitType;
  readonly kind: PermitKind;
  readonly fileId: string;
  readonly hologramSerial: string;
  readonly supersedesPermitId: string | null;
  readonly issuedAt: string;
  readonly validUntil: string; // exclusive instant, ISO
  readonly issuedOnJalali: string; // 'YYYY/MM/DD'
  readonly validThroughJalali: string; // last valid day
  readonly at: string;
}

export interface IssuancePermitEndedV1 {
  readonly permitId: string;
  readonly permitNumber: string;
  readonly fileId: string;
  readonly at: string;
}

export interface IssuancePermitSupersededV1 extends IssuancePermitEndedV1 {
  readonly supersededBy: string;
}

export interface IssuancePermitRevokedV1 extends IssuancePermitEndedV1 {
  readonly reason: string;
}

export interface IssuanceEventsV1 {
  'issuance.PermitIssued.v1': IssuancePermitIssuedV1;
  'issuance.PermitSuperseded.v1': IssuancePermitSupersededV1;
  'issuance.PermitRevoked.v1': IssuancePermitRevokedV1;
  'issuance.PermitLapsed.v1': IssuancePermitEndedV1;
  'issuance.PermitExpired.v1': IssuancePermitEndedV1;
}
