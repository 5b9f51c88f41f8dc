import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventMetadata, EventStore } from '@cctv/event-store';
import { decideAndAppend, EVENT_STORE } from '@cctv/nest-common';
import {
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
  ) {}
}

/** Thin on purpose: load the file's stream, let the decider rule, append with the expected version. */
@CommandHandler(ExecuteSecretariatFileCommand)
export class ExecuteSecretariatFileCommandHandler implements ICommandHandler<ExecuteSecretariatFileCommand, SecretariatFileState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, metadata }: ExecuteSecretariatFileCommand): Promise<SecretariatFileState> {
    const { state } = await decideAndAppend(this.store, secretariatFileDecider, secretariatFileStreamId(command.data.fileId), command, { metadata });
    return state;
  }
}
