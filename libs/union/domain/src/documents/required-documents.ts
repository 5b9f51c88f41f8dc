import type { Premises } from '../opening-file/application';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';

/**
 * Which documents a file needs. The page names none, so this is the union's
 * configuration; the list it yields travels inside OpenFile, and a file keeps
 * the list it was opened with when the configuration later changes.
 */
export interface DocumentPolicy {
  /** Asked of every owner. */
  readonly always: readonly DocumentKind[];
  /** Asked in addition when cameras go into the shared parts of a residential building. */
  readonly residentialSharedBuilding: readonly DocumentKind[];
}

export const DEFAULT_DOCUMENT_POLICY: DocumentPolicy = {
  always: ['owner-national-id-card', 'premises-right', 'camera-plan', 'installer-licence'],
  residentialSharedBuilding: ['assembly-approval'],
};

export const requiredDocumentsFor = (
  premises: Pick<Premises, 'kind' | 'residential'>,
  config: DocumentPolicy = DEFAULT_DOCUMENT_POLICY,
): readonly DocumentKind[] => {
  const residentialShared = premises.kind === 'shared-building' && premises.residential;
  const wanted = new Set<DocumentKind>([...config.always, ...(residentialShared ? config.residentialSharedBuilding : [])]);
  return DOCUMENT_KINDS.filter((kind) => wanted.has(kind));
};
