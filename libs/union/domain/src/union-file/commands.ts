import type { DocumentKind } from '../documents/document-kinds';
import type { Application } from '../opening-file/application';

/** Every command names its file (the stream it goes to) and the instant it is decided at. */
type FileCommand<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data & { readonly fileId: string; readonly now: Date };
};

/** `ownerRef` is worked out at the edge, which holds the secret it is derived with. */
export type OpenFile = FileCommand<'OpenFile', Application & { readonly fileNumber: string; readonly ownerRef?: string }>;

/** `reference` points at the stored scan or file; the domain never sees the bytes. */
export type SubmitDocument = FileCommand<'SubmitDocument', { readonly kind: DocumentKind; readonly reference: string }>;

export type AcceptDocument = FileCommand<'AcceptDocument', { readonly kind: DocumentKind }>;

/** The document is missing or unreadable; `reason` tells the owner which. */
export type RequestDocumentAgain = FileCommand<
  'RequestDocumentAgain',
  { readonly kind: DocumentKind; readonly reason: string }
>;

export type ApproveInstallation = FileCommand<'ApproveInstallation', Record<never, never>>;

export type RefuseInstallation = FileCommand<'RefuseInstallation', { readonly reasons: readonly string[] }>;

export type UnionFileCommand =
  | OpenFile
  | SubmitDocument
  | AcceptDocument
  | RequestDocumentAgain
  | ApproveInstallation
  | RefuseInstallation;
