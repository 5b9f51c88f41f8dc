import { assertNever, type Decider } from '@cctv/kernel';
import { approveInstallation } from '../deciding-installation/approve-installation';
import { refuseInstallation } from '../deciding-installation/refuse-installation';
import { acceptDocument } from '../documents/accept-document';
import { requestDocumentAgain } from '../documents/request-document-again';
import { submitDocument } from '../documents/submit-document';
import { openFile } from '../opening-file/open-file';
import type { UnionFileCommand } from './commands';
import type { UnionFileEvent } from './events';
import { evolve } from './evolve';
import { initialUnionFileState, type UnionFileState } from './state';

const decide = (command: UnionFileCommand, state: UnionFileState): readonly UnionFileEvent[] => {
  switch (command.type) {
    case 'OpenFile':
      return openFile(command, state);
    case 'SubmitDocument':
      return submitDocument(command, state);
    case 'AcceptDocument':
      return acceptDocument(command, state);
    case 'RequestDocumentAgain':
      return requestDocumentAgain(command, state);
    case 'ApproveInstallation':
      return approveInstallation(command, state);
    case 'RefuseInstallation':
      return refuseInstallation(command, state);
    default:
      return assertNever(command);
  }
};

/** The owner's file at the union: lifecycle steps 1 to 3. */
export const unionFileDecider: Decider<UnionFileCommand, UnionFileState, UnionFileEvent> = {
  decide,
  evolve,
  initialState: initialUnionFileState,
};

export const unionFileStreamId = (fileId: string): string => `union-file-${fileId}`;
