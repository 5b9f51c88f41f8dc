import type { RecordedEvent } from '@cctv/event-store';
import { secretariatPayload } from './inbox-payload';
import { issuePermitOnce } from './issue-permit-once';
import type { ReactionContext } from './reaction-step';

/** The secretariat signed the union's approval and affixed a hologram: the installation permit enters the register. */
export const onInstallationPermitSigned = async (context: ReactionContext, source: RecordedEvent): Promise<void> => {
  const signed = secretariatPayload(source, 'secretariat.InstallationPermitSigned.v1');
  await issuePermitOnce(context, source, {
    permitId: signed.installationPermitId,
    permitType: 'installation',
    kind: 'installation',
    fileId: signed.fileId,
    hologramSerial: signed.hologramSerial,
    issuedAt: new Date(signed.at),
    supersedesPermitId: null,
    deficiencies: [],
  });
};
