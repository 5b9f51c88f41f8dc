import type { DocumentKind } from '../documents/document-kinds';

/** What an owner states when opening a file (DOMAIN.md, lifecycle step 1). */
export type OwnerIdentity =
  | {
      readonly kind: 'person';
      /** 10-digit national ID (کد ملی). */
      readonly nationalId: string;
      readonly firstName: string;
      readonly lastName: string;
      readonly mobile: string;
    }
  | {
      readonly kind: 'legal-entity';
      /** 11-digit legal-entity ID (شناسه ملی). */
      readonly nationalId: string;
      readonly name: string;
      readonly representativeName: string;
      readonly mobile: string;
    };

export type PremisesKind = 'shared-building' | 'public-place';

export interface Premises {
  readonly kind: PremisesKind;
  readonly address: string;
  readonly postalCode: string;
  readonly residential: boolean;
  /** At least 2 for a residential shared building; null otherwise. */
  readonly residentialUnits: number | null;
}

export interface Camera {
  readonly location: string;
  readonly fieldOfView: string;
}

export interface PlannedSystem {
  /** 1 to 64 cameras. */
  readonly cameras: readonly Camera[];
  readonly recorder: { readonly model: string; readonly retentionDays: number };
}

export interface Installer {
  readonly name: string;
  readonly guildLicenceNumber: string;
}

export interface Application {
  readonly owner: OwnerIdentity;
  readonly premises: Premises;
  readonly system: PlannedSystem;
  readonly installer: Installer;
  readonly requiredDocuments: readonly DocumentKind[];
}

export const MAX_CAMERAS = 64;
