import { conflict } from '@cctv/kernel';
import type { AcceptDocument } from '../union-file/commands';
import type { DocumentAccepted } from '../union-file/events';
import { labelFa, requireDocument, requireOpenFile, requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';

/** Only a document handed in and not yet judged can be accepted. */
export const acceptDocument = ({ data }: AcceptDocument, state: UnionFileState): readonly DocumentAccepted[] => {
  const file = requireOpenFile(state);
  const entry = requireDocument(file, data.kind);
  if (entry.status !== 'submitted') {
    throw conflict(
      'document-not-submitted',
      `Document ${entry.kind} is ${entry.status}, not submitted; only a submitted document can be accepted`,
      entry.status === 'accepted'
        ? `مدرک «${labelFa(entry.kind)}» پیش‌تر پذیرفته شده است.`
        : `مدرک «${labelFa(entry.kind)}» هنوز تحویل نشده است و نمی‌توان آن را پذیرفت.`,
    );
  }
  return [
    { type: 'DocumentAccepted', data: { fileId: file.file.fileId, documentKind: entry.kind, at: requireValidNow(data.now) } },
  ];
};
