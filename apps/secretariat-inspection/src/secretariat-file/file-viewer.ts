import type { RequestContext } from '@cctv/nest-common';
import type { FileViewer } from '@cctv/secretariat-domain';

/** The signed-in person as the secretariat's access rules see them. */
export const fileViewerOf = (requester: Pick<RequestContext, 'actor' | 'nationalId'>): FileViewer => ({
  role: requester.actor.role,
  personId: requester.actor.personId,
  ...(requester.nationalId ? { nationalId: requester.nationalId } : {}),
});
