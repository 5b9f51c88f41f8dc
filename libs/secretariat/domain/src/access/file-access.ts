import { comparableNationalId, forbidden, notYourFile, ownFileForStaff, ownNationalId, type FileRequester } from '@cctv/kernel';
import type { SecretariatFileEvent } from '../secretariat-file/events';
import type { SecretariatFileState } from '../secretariat-file/state';

/**
 * Whether a file's owner reference is the one this national ID gives for that
 * file. The edge answers it: it holds the secret the union derived the
 * reference with, and compares in constant time.
 */
export type OwnerRefCheck = (ownerRef: string, nationalId: string) => boolean;

/** Who looks at a file: an owner, an inspector (by their person id) or the secretariat's staff. */
export interface FileViewer extends FileRequester {
  readonly personId: string;
}

/**
 * Owners act on their own files only, recognised by the owner reference the
 * union sent with its approval. A file the secretariat never received, or
 * one approved before references existed, is no owner's to reach: the answer
 * is the same refusal, so an owner learns nothing about files not theirs.
 * Office staff are not narrowed here (their role admitted them to the route),
 * except on a file that is their own: a colleague handles that one.
 */
export const assertMayActOnSecretariatFile = (requester: FileRequester, state: SecretariatFileState, isOwnersRef: OwnerRefCheck): void => {
  if (requester.role !== 'owner') {
    const own = requester.nationalId ? comparableNationalId(requester.nationalId) : '';
    const ref = state.status === 'new' ? undefined : state.file.ownerRef;
    if (own && ref && isOwnersRef(ref, own)) throw ownFileForStaff();
    return;
  }
  const nationalId = ownNationalId(requester);
  const ownerRef = state.status === 'new' ? undefined : state.file.ownerRef;
  if (!ownerRef || !isOwnersRef(ownerRef, nationalId)) throw notYourFile();
};

/** Everyone ever assigned to one of the file's inspections, the current one and past ones. */
export const inspectorsEverAssigned = (history: readonly SecretariatFileEvent[]): ReadonlySet<string> =>
  new Set(history.flatMap((event) => (event.type === 'InspectionScheduled' ? event.data.inspectorIds : [])));

const notAssigned = () => forbidden('not-assigned-to-file',
  'Inspectors see only files with an inspection assigned to them',
  'بازرس تنها پرونده‌هایی را می‌بیند که بازدیدی از آن‌ها به او سپرده شده است.');

/** Seeing a file: owners their own, inspectors those they were sent to inspect, secretariat staff any. */
export const assertMayViewFile = (
  viewer: FileViewer,
  file: { readonly state: SecretariatFileState; readonly history: readonly SecretariatFileEvent[] },
  isOwnersRef: OwnerRefCheck,
): void => {
  if (viewer.role === 'owner') return assertMayActOnSecretariatFile(viewer, file.state, isOwnersRef);
  if (viewer.role === 'inspector' && !inspectorsEverAssigned(file.history).has(viewer.personId)) throw notAssigned();
};

/**
 * Whose inspections a list shows: an inspector's own, always; asking by name
 * for a colleague's is refused rather than quietly answered with one's own.
 * Secretariat staff list whoever they ask for, or everyone.
 */
export const inspectionsListedFor = (viewer: FileViewer, askedInspectorId: string | undefined): string | undefined => {
  if (viewer.role !== 'inspector') return askedInspectorId;
  if (askedInspectorId !== undefined && askedInspectorId !== viewer.personId) {
    throw forbidden('not-your-inspection',
      'Inspectors list their own inspections only',
      'بازرس تنها فهرست بازدیدهای خود را می‌بیند.');
  }
  return viewer.personId;
};
