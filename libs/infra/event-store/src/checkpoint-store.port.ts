import type { LogPosition } from './event-store.port';

/**
 * Where a follower of the global log remembers how far it got.
 * `Tx` lets an adapter save inside the caller's own transaction, so a read
 * model and its checkpoint commit together.
 */
export interface CheckpointStore<Tx = unknown> {
  /** `null` when the follower never saved: start before the first event. */
  load(name: string, tx?: Tx): Promise<LogPosition | null>;
  save(name: string, position: LogPosition | null, tx?: Tx): Promise<void>;
}
