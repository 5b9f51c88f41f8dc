import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventMetadata, EventStore } from '@cctv/event-store';
import type { Decider } from '@cctv/kernel';
import { decideAndAppend, EVENT_STORE, OwnerRefs } from '@cctv/nest-common';
import { whoMayAct, type Requester } from '../secretariat-file/who-may-act';
import {
  checklistFor,
  secretariatFileDecider,
  secretariatFileStreamId,
  type Finding,
  type SecretariatFileEvent,
  type SecretariatFileState,
} from '@cctv/secretariat-domain';
import { fileNotFound } from '../secretariat-file/file-not-found';

export class RecordFindingsCommand {
  constructor(
    readonly fileId: string,
    readonly inspectionId: string,
    readonly recordedBy: string,
    readonly findings: readonly Finding[],
    readonly now: Date,
    readonly metadata: EventMetadata,
    readonly requester?: Requester,
  ) {}
}

/**
 * The checklist an inspection answers depends on the premises (residents'
 * consent only where people live), which the file knows: so it is chosen on
 * the state the decision is taken on, also when a concurrent change makes
 * decideAndAppend decide again.
 */
const onTheFilesChecklist: Decider<RecordFindingsCommand, SecretariatFileState, SecretariatFileEvent> = {
  ...secretariatFileDecider,
  decide: ({ fileId, inspectionId, recordedBy, findings, now }, state) => {
    if (state.status === 'new') throw fileNotFound(fileId);
    const checklist = checklistFor(state.file.residential);
    return secretariatFileDecider.decide({ type: 'RecordInspectionFindings', data: { fileId, inspectionId, recordedBy, findings, checklist, now } }, state);
  },
};

@CommandHandler(RecordFindingsCommand)
export class RecordFindingsHandler implements ICommandHandler<RecordFindingsCommand, SecretariatFileState> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs = OwnerRefs.fromEnvironment(),
  ) {}

  async execute(command: RecordFindingsCommand): Promise<SecretariatFileState> {
    const streamId = secretariatFileStreamId(command.fileId);
    const { state } = await decideAndAppend(this.store, onTheFilesChecklist, streamId, command, {
      metadata: command.metadata,
      authorize: whoMayAct(command.requester, this.ownerRefs, command.fileId),
    });
    return state;
  }
}
