import { conflict } from '@cctv/kernel';
import { requiredText } from '../opening-file/normalize-application';
import type { SubmitDocument } from '../union-file/commands';
import type { DocumentSubmitted } from '../union-file/events';
import { labelFa, requireDocument, requireOpenFile, requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';

/** A new scan replaces an earlier one until the union accepts the document. */
export const submitDocument = ({ data }: SubmitDocument, state: UnionFileState): readonly DocumentSubmitted[] => {
  const file = requireOpenFile(state);
  const entry = requireDocument(file, data.kind);
  if (entry.status === 'accepted') {
    throw conflict(
      'document-already-accepted',
      `Document ${entry.kind} is already accepted`,
      `مدرک «${labelFa(entry.kind)}» پیش‌تر پذیرفته شده است.`,
    );
  }
  const reference = requiredText(data.reference, 'reference', 'فایل یا تصویر مدرک');
  return [
    {
      type: 'DocumentSubmitted',
      data: { fileId: file.file.fileId, documentKind: entry.kind, reference, at: requireValidNow(data.now) },
    },
  ];
};
