/** Every command names its permit: the stream `permit-{permitId}` it goes to. */
type PermitCommandOf<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & { readonly permitId: string };
};

export type PermitType = 'installation' | 'operation';
export type PermitKind = 'installation' | 'temporary' | 'main';

/** A failed checklist item the owner must remedy; listed on a temporary permit. */
export interface Deficiency {
  readonly item: string;
  readonly note: string;
}

/** Sent when the secretariat has signed a permit; deliveries may repeat. */
export type IssuePermit = PermitCommandOf<
  'IssuePermit',
  {
    readonly permitNumber: string;
    readonly permitType: PermitType;
    readonly kind: PermitKind;
    readonly fileId: string;
    readonly hologramSerial: string;
    /** The secretariat's signature: validity counts from this instant. */
    readonly issuedAt: Date;
    readonly supersedesPermitId: string | null;
    readonly deficiencies: readonly Deficiency[];
  }
>;

/** `now` is the instant the superseding permit was issued, not when this command happens to run. */
export type SupersedePermit = PermitCommandOf<'SupersedePermit', { readonly supersededBy: string; readonly now: Date }>;

export type RevokePermit = PermitCommandOf<'RevokePermit', { readonly reason: string; readonly now: Date }>;

/** Sent by a timer once the end instant has passed; records what time already decided. */
export type EndPermitValidity = PermitCommandOf<'EndPermitValidity', { readonly now: Date }>;

export type PermitCommand = IssuePermit | SupersedePermit | RevokePermit | EndPermitValidity;
