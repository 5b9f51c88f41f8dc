import { assertNever } from '@cctv/kernel';
import type { DocumentKind } from '../documents/document-kinds';
import type { UnionFileEvent } from './events';
import type { DocumentEntry, DocumentStatus, UnionFileState } from './state';

const withDocument = (
  documents: readonly DocumentEntry[],
  kind: DocumentKind,
  status: DocumentStatus,
  reference?: string,
): readonly DocumentEntry[] =>
  documents.map((entry) =>
    entry.kind === kind ? { kind, status, reference: reference === undefined ? entry.reference : reference } : entry,
  );

export const evolve = (state: UnionFileState, event: UnionFileEvent): UnionFileState => {
  switch (event.type) {
    case 'FileOpened':
      return {
        status: 'open',
        file: event.data,
        documents: event.data.requiredDocuments.map((kind) => ({ kind, status: 'missing', reference: null })),
      };
    case 'DocumentSubmitted':
      if (state.status !== 'open') return state;
      return { ...state, documents: withDocument(state.documents, event.data.documentKind, 'submitted', event.data.reference) };
    case 'DocumentAccepted':
      if (state.status !== 'open') return state;
      return { ...state, documents: withDocument(state.documents, event.data.documentKind, 'accepted') };
    case 'DocumentRequestedAgain':
      if (state.status !== 'open') return state;
      return { ...state, documents: withDocument(state.documents, event.data.documentKind, 're-requested') };
    case 'InstallationApproved':
      if (state.status !== 'open') return state;
      return { status: 'approved', file: state.file, documents: state.documents, approvedAt: event.data.at };
    case 'InstallationRefused':
      if (state.status !== 'open') return state;
      return { status: 'refused', file: state.file, documents: state.documents, reasons: event.data.reasons };
    default:
      return assertNever(event);
  }
};
