import { comparableNationalId, notYourFile, ownNationalId, type FileRequester } from '@cctv/kernel';
import type { UnionFileState } from '../union-file/state';

export { ownNationalId, type FileRequester } from '@cctv/kernel';

/** Owners open and reach files in their own name only; office staff any file their role admits them to. */
export const assertMayActOnFile = (requester: FileRequester, ownerNationalId: string): void => {
  if (requester.role === 'owner' && ownNationalId(requester) !== comparableNationalId(ownerNationalId)) throw notYourFile();
};

/** The same rule, against a file's state: an owner asking about a file that does not exist learns nothing either. */
export const assertMayActOnState = (requester: FileRequester, state: UnionFileState): void => {
  if (requester.role !== 'owner') return;
  if (state.status === 'none') throw notYourFile();
  assertMayActOnFile(requester, state.file.owner.nationalId);
};
