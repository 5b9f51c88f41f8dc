import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deterministicEventId, type EventMetadata, type EventStore } from '@cctv/event-store';
import { EVENT_STORE, OwnerRefs } from '@cctv/nest-common';
import { whoMayAct, type Requester } from '../secretariat-file/who-may-act';
import { normalizeHologramSerial, type SecretariatFileState } from '@cctv/secretariat-domain';
import { affixHologramThenDecide, type FileAsItStands } from '../hologram/affix-hologram-then-decide';

export class SignInstallationPermitCommand {
  constructor(
    readonly fileId: string,
    readonly hologramSerial: string,
    readonly now: Date,
    readonly metadata: EventMetadata,
    readonly requester?: Requester,
  ) {}
}

/** One installation permit per file, so its id follows from the file: a repeated request signs the same permit. */
export const installationPermitIdOf = (fileId: string): string => deterministicEventId('installation-permit', fileId);

@CommandHandler(SignInstallationPermitCommand)
export class SignInstallationPermitHandler implements ICommandHandler<SignInstallationPermitCommand, FileAsItStands> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs = OwnerRefs.fromEnvironment(),
  ) {}

  execute({ fileId, hologramSerial, now, metadata, requester }: SignInstallationPermitCommand): Promise<FileAsItStands> {
    const installationPermitId = installationPermitIdOf(fileId);
    const serial = normalizeHologramSerial(hologramSerial);
    const signedWithThis = (state: SecretariatFileState) =>
      (state.status === 'signed' || state.status === 'closed') &&
      state.installation.permitId === installationPermitId &&
      state.installation.hologramSerial === serial;
    return affixHologramThenDecide(
      this.store,
      { type: 'SignInstallationPermit', data: { fileId, installationPermitId, hologramSerial: serial, now } },
      metadata,
      signedWithThis,
      whoMayAct(requester, this.ownerRefs, fileId),
    );
  }
}
