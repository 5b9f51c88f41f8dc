import { comparableNationalId, notYourFile, ownFileForStaff, ownNationalId, type FileRequester } from '@cctv/kernel';
import type { UnionFileState } from '../union-file/state';

export { ownNationalId, type FileRequester } from '@cctv/kernel';

/** Owners open and reach files in their own name only; office staff any file their role admits them to. */
export const assertMayActOnFile = (requester: FileRequester, ownerNationalId: string): void => {
  if (requester.role === 'owner' && ownNationalId(requester) !== comparableNationalId(ownerNationalId)) throw notYourFile();
};

/**
 * The rule for commands, against a file's state: an owner asking about a file
 * that does not exist learns nothing either; staff whose sign-in carries the
 * file owner's national ID do not act on it in their office role.
 */
export const assertMayActOnState = (requester: FileRequester, state: UnionFileState): void => {
  if (requester.role !== 'owner') {
    const own = requester.nationalId ? comparableNationalId(requester.nationalId) : '';
    if (own && state.status !== 'none' && own === comparableNationalId(state.file.owner.nationalId)) throw ownFileForStaff();
    return;
  }
  if (state.status === 'none') throw notYourFile();
  assertMayActOnFile(requester, state.file.owner.nationalId);
};
