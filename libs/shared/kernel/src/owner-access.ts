import type { OfficeRole } from './actor';
import { forbidden } from './errors';
import { toAsciiDigits } from './text';

/** Who asks about a file, as far as the offices' rules about owners care. */
export interface FileRequester {
  readonly role: OfficeRole;
  /** An owner's national ID, from their sign-in. */
  readonly nationalId?: string;
}

/** A national ID as ASCII digits only, the form both offices compare and derive owner references from. */
export const comparableNationalId = (nationalId: string): string => toAsciiDigits(nationalId).replace(/\D/g, '');

/** The national ID an owner may act for, or a refusal when their sign-in carries none. */
export const ownNationalId = (requester: FileRequester): string => {
  const id = requester.nationalId ? comparableNationalId(requester.nationalId) : '';
  if (!id) {
    throw forbidden('owner-without-national-id',
      'Your sign-in carries no national ID, so no file can be matched to you',
      'کد ملی شما در اطلاعات ورود ثبت نشده است؛ پرونده‌ای به شما مرتبط نمی‌شود.');
  }
  return id;
};

/**
 * Separation of duties: a person who works in an office and owns a file acts
 * on it as its owner, never in their office role; a colleague handles it.
 */
export const ownFileForStaff = () => forbidden('own-file',
  'Office staff may not act in their office role on a file they own; a colleague must handle it (you may act as its owner)',
  'کارکنان اداری نمی‌توانند در مقام اداری روی پرونده متعلق به خودشان اقدام کنند؛ همکار دیگری باید رسیدگی کند.');

/** The same answer whether the file is someone else's or does not exist: an owner learns nothing of others' files. */
export const notYourFile = () => forbidden('not-your-file',
  'Owners may see and act on their own files only',
  'مالک تنها به پرونده‌های خود دسترسی دارد.');
