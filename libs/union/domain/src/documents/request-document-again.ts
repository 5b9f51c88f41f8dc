import { conflict } from '@cctv/kernel';
import { requiredText } from '../opening-file/normalize-application';
import type { RequestDocumentAgain } from '../union-file/commands';
import type { DocumentRequestedAgain } from '../union-file/events';
import { labelFa, requireDocument, requireOpenFile, requireValidNow } from '../union-file/guards';
import type { UnionFileState } from '../union-file/state';

/**
 * The union asks again for a document still missing or handed in unreadable.
 * An accepted document is settled, and one already asked for again awaits the owner.
 */
export const requestDocumentAgain = (
  { data }: RequestDocumentAgain,
  state: UnionFileState,
): readonly DocumentRequestedAgain[] => {
  const file = requireOpenFile(state);
  const entry = requireDocument(file, data.kind);
  if (entry.status !== 'missing' && entry.status !== 'submitted') {
    throw conflict(
      'document-not-requestable',
      `Document ${entry.kind} is ${entry.status}; only a missing or submitted document can be asked for again`,
      entry.status === 'accepted'
        ? `مدرک «${labelFa(entry.kind)}» پذیرفته شده است و درخواست دوباره ندارد.`
        : `مدرک «${labelFa(entry.kind)}» پیش‌تر دوباره درخواست شده و در انتظار تحویل مالک است.`,
    );
  }
  const reason = requiredText(data.reason, 'reason', 'علت درخواست دوباره مدرک');
  return [
    {
      type: 'DocumentRequestedAgain',
      data: { fileId: file.file.fileId, documentKind: entry.kind, reason, at: requireValidNow(data.now) },
    },
  ];
};
