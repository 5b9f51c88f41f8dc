import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventMetadata, EventStore } from '@cctv/event-store';
import { decideAndAppend, EVENT_STORE } from '@cctv/nest-common';
import { assertMayActOnState, unionFileDecider, unionFileStreamId, type FileRequester, type UnionFileCommand, type UnionFileState } from '@cctv/union-domain';

/** Any command on one owner's file, with who asked and why. */
export class ExecuteUnionFileCommand {
  constructor(
    readonly command: UnionFileCommand,
    readonly metadata: EventMetadata,
    /** Who asks; an owner only reaches their own file. Opening checks the application's owner instead. */
    readonly requester?: FileRequester,
  ) {}
}

/** Thin on purpose: load the file's stream, let the decider rule, append with the expected version. */
@CommandHandler(ExecuteUnionFileCommand)
export class ExecuteUnionFileCommandHandler implements ICommandHandler<ExecuteUnionFileCommand, UnionFileState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, metadata, requester }: ExecuteUnionFileCommand): Promise<UnionFileState> {
    const streamId = unionFileStreamId(command.data.fileId);
    const authorize = requester && command.type !== 'OpenFile' ? (state: UnionFileState) => assertMayActOnState(requester, state) : undefined;
    const { state } = await decideAndAppend(this.store, unionFileDecider, streamId, command, { metadata, authorize });
    return state;
  }
}
