import type { UnionFileState } from '@cctv/union-domain';

/** What a command answers with: where the file stands right after it, without personal data. */
export const fileSummary = (state: UnionFileState) => {
  if (state.status === 'none') return { status: state.status };
  return {
    fileId: state.file.fileId,
    fileNumber: state.file.fileNumber,
    status: state.status,
    documents: state.documents.map(({ kind, status }) => ({ kind, status })),
  };
};
