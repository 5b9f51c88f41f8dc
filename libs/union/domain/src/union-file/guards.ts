import { assertNever, conflict, invalid, notFound } from '@cctv/kernel';
import { DOCUMENT_LABELS_FA, isDocumentKind, type DocumentKind } from '../documents/document-kinds';
import type { DocumentEntry, OpenUnionFile, UnionFileState } from './state';

/** Only an open file takes commands: one never opened does not exist, a decided one is closed. */
export const requireOpenFile = (state: UnionFileState): OpenUnionFile => {
  switch (state.status) {
    case 'open':
      return state;
    case 'none':
      throw notFound('file-not-found', 'No such file at the union', 'چنین پرونده‌ای در اتحادیه تشکیل نشده است.');
    case 'approved':
    case 'refused':
      throw conflict(
        'file-closed',
        `File ${state.file.fileNumber} is already ${state.status} and accepts no more changes`,
        `پرونده ${state.file.fileNumber} پیش‌تر ${state.status === 'approved' ? 'تأیید' : 'رد'} شده و دیگر تغییری نمی‌پذیرد.`,
      );
    default:
      return assertNever(state);
  }
};

/** The document must be one the file was opened with; the list is fixed at opening. */
export const requireDocument = (file: OpenUnionFile, kind: string): DocumentEntry => {
  const entry = isDocumentKind(kind) ? file.documents.find((document) => document.kind === kind) : undefined;
  if (!entry) {
    throw invalid(
      'document-not-required',
      `Document "${kind}" is not among the documents file ${file.file.fileNumber} requires`,
      'این مدرک جزو مدارک لازم این پرونده نیست.',
      'kind',
    );
  }
  return entry;
};

export const labelFa = (kind: DocumentKind): string => DOCUMENT_LABELS_FA[kind];

export const requireValidNow = (now: Date): string => {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw invalid('invalid-time', 'The command carries no valid time', 'زمان ثبت درخواست معتبر نیست.', 'now');
  }
  return now.toISOString();
};
