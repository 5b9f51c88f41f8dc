import type { DocumentKind } from '../documents/document-kinds';
import type { Application, PremisesKind } from '../opening-file/application';

/** Every event names its file and the instant (ISO, UTC) it happened at. */
type FileEvent<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & { readonly fileId: string; readonly at: string };
};

/** Carries the whole normalised application: the union's own read models are built from it. */
export type FileOpened = FileEvent<'FileOpened', Application & { readonly fileNumber: string; readonly ownerRef?: OwnerRef }>;

/**
 * Stands for the owner in other offices without naming them: derived from the
 * file and the owner's national ID with a secret the offices share, so it
 * differs from file to file and cannot be turned back into the ID. Files
 * opened before it existed have none.
 */
export type OwnerRef = string;

export type DocumentSubmitted = FileEvent<
  'DocumentSubmitted',
  { readonly documentKind: DocumentKind; readonly reference: string }
>;

export type DocumentAccepted = FileEvent<'DocumentAccepted', { readonly documentKind: DocumentKind }>;

export type DocumentRequestedAgain = FileEvent<
  'DocumentRequestedAgain',
  { readonly documentKind: DocumentKind; readonly reason: string }
>;

/** Carries what the secretariat needs to queue the approval for signing, without personal data. */
export type InstallationApproved = FileEvent<
  'InstallationApproved',
  {
    readonly fileNumber: string;
    readonly premisesKind: PremisesKind;
    readonly residential: boolean;
    readonly residentialUnits: number | null;
    readonly cameraCount: number;
    /** The file's owner reference, so the secretariat can let the owner reach their file. */
    readonly ownerRef?: OwnerRef;
  }
>;

export type InstallationRefused = FileEvent<
  'InstallationRefused',
  { readonly fileNumber: string; readonly reasons: readonly string[] }
>;

export type UnionFileEvent =
  | FileOpened
  | DocumentSubmitted
  | DocumentAccepted
  | DocumentRequestedAgain
  | InstallationApproved
  | InstallationRefused;
