import type { DocumentKind } from '../documents/document-kinds';
import type { FileOpened } from './events';

/** Where one required document stands. 're-requested' means the union asked for it again. */
export type DocumentStatus = 'missing' | 'submitted' | 'accepted' | 're-requested';

export interface DocumentEntry {
  readonly kind: DocumentKind;
  readonly status: DocumentStatus;
  /** The latest submitted scan, kept when the document is asked for again. */
  readonly reference: string | null;
}

export type OpenedFile = FileOpened['data'];

export type UnionFileState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly file: OpenedFile; readonly documents: readonly DocumentEntry[] }
  | {
      readonly status: 'approved';
      readonly file: OpenedFile;
      readonly documents: readonly DocumentEntry[];
      readonly approvedAt: string;
    }
  | {
      readonly status: 'refused';
      readonly file: OpenedFile;
      readonly documents: readonly DocumentEntry[];
      readonly reasons: readonly string[];
    };

export type OpenUnionFile = Extract<UnionFileState, { status: 'open' }>;

export const initialUnionFileState: UnionFileState = { status: 'none' };
