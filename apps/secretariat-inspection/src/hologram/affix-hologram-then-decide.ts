import type { EventMetadata, EventStore } from '@cctv/event-store';
import { fold } from '@cctv/kernel';
import { decideAndAppend } from '@cctv/nest-common';
import {
  hologramDecider,
  hologramStreamId,
  secretariatFileDecider,
  secretariatFileStreamId,
  type GrantOperationPermit,
  type SecretariatFileEvent,
  type SecretariatFileState,
  type SignInstallationPermit,
} from '@cctv/secretariat-domain';

export type CommandWithHologram = SignInstallationPermit | GrantOperationPermit;

export interface FileAsItStands {
  readonly state: SecretariatFileState;
  readonly history: readonly SecretariatFileEvent[];
}

const permitIdOf = (command: CommandWithHologram): string =>
  command.type === 'SignInstallationPermit' ? command.data.installationPermitId : command.data.permitId;

export const loadFile = async (store: EventStore, fileId: string): Promise<FileAsItStands> => {
  const { events } = await store.readStream<SecretariatFileEvent['data']>(secretariatFileStreamId(fileId));
  const history = events.map((e) => ({ type: e.type, data: e.data }) as SecretariatFileEvent);
  return { history, state: fold(secretariatFileDecider, history) };
};

/**
 * A signature that carries a hologram touches two streams: the file and the
 * serial's entry in the province's registry, which no transaction spans. So:
 * 1. decide on the file as it stands, so that a refused command burns no hologram;
 * 2. affix the hologram to this permit id, where a serial used anywhere else is refused;
 * 3. append the file's events.
 * Permit ids are derived from the request, so a retry after a crash between 2
 * and 3 finds the hologram already on this very permit and completes 3; a
 * retry after 3 is recognised by `alreadyDone` and answered with the file as it stands.
 */
export const affixHologramThenDecide = async (
  store: EventStore,
  command: CommandWithHologram,
  metadata: EventMetadata,
  alreadyDone: (state: SecretariatFileState) => boolean,
  /** Who may act on this file; refuses before anything is decided or affixed. */
  authorize?: (state: SecretariatFileState) => void,
): Promise<FileAsItStands> => {
  const { fileId, hologramSerial, now } = command.data;
  const before = await loadFile(store, fileId);
  authorize?.(before.state);
  if (alreadyDone(before.state)) return before;
  secretariatFileDecider.decide(command, before.state);

  const affix = { type: 'AffixHologram', data: { serial: hologramSerial, fileId, permitId: permitIdOf(command), now } } as const;
  await decideAndAppend(store, hologramDecider, hologramStreamId(hologramSerial), affix, { metadata });
  try {
    await decideAndAppend(store, secretariatFileDecider, secretariatFileStreamId(fileId), command, { metadata, authorize });
  } catch (error) {
    // The same request sent twice at once: the other one completed it.
    const after = await loadFile(store, fileId);
    if (alreadyDone(after.state)) return after;
    throw error;
  }
  return loadFile(store, fileId);
};
