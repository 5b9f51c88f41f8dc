import { forbidden, toAsciiDigits, type OfficeRole } from '@cctv/kernel';
import type { UnionFileState } from '../union-file/state';

/** Who asks, as far as the union's rules about files care. */
export interface FileRequester {
  readonly role: OfficeRole;
  /** An owner's national ID, from their sign-in. */
  readonly nationalId?: string;
}

const comparable = (nationalId: string) => toAsciiDigits(nationalId).replace(/\D/g, '');

/** The national ID an owner may act for, or a refusal when their sign-in carries none. */
export const ownNationalId = (requester: FileRequester): string => {
  const id = requester.nationalId ? comparable(requester.nationalId) : '';
  if (!id) {
    throw forbidden('owner-without-national-id',
      'Your sign-in carries no national ID, so no file can be matched to you',
      'کد ملی شما در اطلاعات ورود ثبت نشده است؛ پرونده‌ای به شما مرتبط نمی‌شود.');
  }
  return id;
};

const notYours = () => forbidden('not-your-file',
  'Owners may see and act on their own files only',
  'مالک تنها به پرونده‌های خود دسترسی دارد.');

/** Owners open and reach files in their own name only; office staff any file their role admits them to. */
export const assertMayActOnFile = (requester: FileRequester, ownerNationalId: string): void => {
  if (requester.role === 'owner' && ownNationalId(requester) !== comparable(ownerNationalId)) throw notYours();
};

/** The same rule, against a file's state: an owner asking about a file that does not exist learns nothing either. */
export const assertMayActOnState = (requester: FileRequester, state: UnionFileState): void => {
  if (requester.role !== 'owner') return;
  if (state.status === 'none') throw notYours();
  assertMayActOnFile(requester, state.file.owner.nationalId);
};
