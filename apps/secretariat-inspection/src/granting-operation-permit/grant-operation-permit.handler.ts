import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deterministicEventId, type EventMetadata, type EventStore } from '@cctv/event-store';
import { EVENT_STORE, OwnerRefs } from '@cctv/nest-common';
import { whoMayAct, type Requester } from '../secretariat-file/who-may-act';
import { normalizeHologramSerial, type OperationPermitGranted, type SecretariatFileState } from '@cctv/secretariat-domain';
import { affixHologramThenDecide } from '../hologram/affix-hologram-then-decide';

export class GrantOperationPermitCommand {
  constructor(
    readonly fileId: string,
    readonly hologramSerial: string,
    readonly now: Date,
    readonly metadata: EventMetadata,
    readonly requester?: Requester,
  ) {}
}

export interface GrantedPermit {
  readonly state: SecretariatFileState;
  readonly granted: OperationPermitGranted['data'];
}

/** A hologram goes on one permit only, so file and serial name the permit: a repeated request grants the same one. */
export const operationPermitIdOf = (fileId: string, serial: string): string =>
  deterministicEventId('operation-permit', fileId, normalizeHologramSerial(serial));

@CommandHandler(GrantOperationPermitCommand)
export class GrantOperationPermitHandler implements ICommandHandler<GrantOperationPermitCommand, GrantedPermit> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs = OwnerRefs.fromEnvironment(),
  ) {}

  async execute({ fileId, hologramSerial, now, metadata, requester }: GrantOperationPermitCommand): Promise<GrantedPermit> {
    const permitId = operationPermitIdOf(fileId, hologramSerial);
    const { state, history } = await affixHologramThenDecide(
      this.store,
      { type: 'GrantOperationPermit', data: { fileId, permitId, hologramSerial: normalizeHologramSerial(hologramSerial), now } },
      metadata,
      (file) => file.status === 'signed' && file.permitIds.includes(permitId),
      whoMayAct(requester, this.ownerRefs, fileId),
    );
    const granted = history.find((e): e is OperationPermitGranted => e.type === 'OperationPermitGranted' && e.data.permitId === permitId);
    if (!granted) throw new Error(`Permit ${permitId} was granted but is not in the file's history`);
    return { state, granted: granted.data };
  }
}
