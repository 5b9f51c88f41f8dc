import type { OwnerRefs, RequestContext } from '@cctv/nest-common';
import { assertMayActOnSecretariatFile, type SecretariatFileState } from '@cctv/secretariat-domain';

export type Requester = Pick<RequestContext, 'actor' | 'nationalId'>;

/**
 * The check a command runs on the file before the rules decide: owners only
 * on their own file, staff not on a file that is theirs. Without a requester
 * (the handlers' own tests) there is nobody to check.
 */
export const whoMayAct = (requester: Requester | undefined, ownerRefs: OwnerRefs, fileId: string) =>
  requester
    ? (state: SecretariatFileState) =>
        assertMayActOnSecretariatFile({ role: requester.actor.role, nationalId: requester.nationalId }, state, ownerRefs.checkFor(fileId))
    : undefined;
