import type { Deficiency, PermitKind, PermitType } from './commands';

/** Every event names its permit, number and file, and the instant (ISO, UTC) it was recorded at. */
type PermitEventOf<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & {
    readonly permitId: string;
    readonly permitNumber: string;
    readonly fileId: string;
    readonly at: string;
  };
};

/**
 * The validity window travels with the fact, in both forms people and
 * programs need: instants in ISO (UTC) and legal days as Jalali 'YYYY/MM/DD'.
 */
export type PermitIssued = PermitEventOf<
  'PermitIssued',
  {
    readonly permitType: PermitType;
    readonly kind: PermitKind;
    readonly hologramSerial: string;
    readonly supersedesPermitId: string | null;
    readonly deficiencies: readonly Deficiency[];
    readonly issuedAt: string;
    readonly validFrom: string;
    /** Exclusive: Tehran midnight starting endDate. */
    readonly validUntil: string;
    readonly issuedOn: string;
    /** The last valid day. */
    readonly validThrough: string;
    /** From the start of this day the permit is no longer valid. */
    readonly endDate: string;
  }
>;

export type PermitSuperseded = PermitEventOf<'PermitSuperseded', { readonly supersededBy: string }>;

export type PermitRevoked = PermitEventOf<'PermitRevoked', { readonly reason: string }>;

/** A temporary or installation permit ran out; `endedAt` is its validUntil. */
export type PermitLapsed = PermitEventOf<'PermitLapsed', { readonly kind: 'temporary' | 'installation'; readonly endedAt: string }>;

/** A main permit reached the end of its two years. */
export type PermitExpired = PermitEventOf<'PermitExpired', { readonly kind: 'main'; readonly endedAt: string }>;

export type PermitEvent = PermitIssued | PermitSuperseded | PermitRevoked | PermitLapsed | PermitExpired;
