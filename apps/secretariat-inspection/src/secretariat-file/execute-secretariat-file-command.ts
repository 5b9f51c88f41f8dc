import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventMetadata, EventStore } from '@cctv/event-store';
import { decideAndAppend, EVENT_STORE, OwnerRefs, type RequestContext } from '@cctv/nest-common';
import {
  assertMayActOnSecretariatFile,
  secretariatFileDecider,
  secretariatFileStreamId,
  type SecretariatFileCommand,
  type SecretariatFileState,
} from '@cctv/secretariat-domain';

/** Any command on one file at the secretariat, with who asked and why. */
export class ExecuteSecretariatFileCommand {
  constructor(
    readonly command: SecretariatFileCommand,
    readonly metadata: EventMetadata,
    /** Who asks, as signed in: an owner reaches only their own file. */
    readonly requester: Pick<RequestContext, 'actor' | 'nationalId'>,
  ) {}
}

/** Thin on purpose: load the file's stream, check who asks, let the decider rule, append with the expected version. */
@CommandHandler(ExecuteSecretariatFileCommand)
export class ExecuteSecretariatFileCommandHandler implements ICommandHandler<ExecuteSecretariatFileCommand, SecretariatFileState> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs,
  ) {}

  async execute({ command, metadata, requester }: ExecuteSecretariatFileCommand): Promise<SecretariatFileState> {
    const { fileId } = command.data;
    const who = { role: requester.actor.role, nationalId: requester.nationalId };
    // Before the rules: a refused owner learns nothing about the file and changes nothing.
    const authorize = (state: SecretariatFileState) => assertMayActOnSecretariatFile(who, state, this.ownerRefs.checkFor(fileId));
    const { state } = await decideAndAppend(this.store, secretariatFileDecider, secretariatFileStreamId(fileId), command, { metadata, authorize });
    return state;
  }
}
