import type { Decider } from '@cctv/kernel';
import type { SecretariatFileCommand } from './commands';
import { decide } from './decide';
import type { SecretariatFileEvent } from './events';
import { evolve } from './evolve';
import type { SecretariatFileState } from './state';

/** One file at the secretariat: its installation permit and the operation permits that follow it. */
export const secretariatFileStreamId = (fileId: string): string => `secretariat-file-${fileId}`;

export const secretariatFileDecider: Decider<SecretariatFileCommand, SecretariatFileState, SecretariatFileEvent> = {
  decide,
  evolve,
  initialState: { status: 'new' },
};
