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
  /**
   * Optional: a save, outside any transaction of the caller's, that a crash of
   * the database may lose (the checkpoint is then found where an earlier save
   * left it) in exchange for not waiting for the disk. Only for followers that
   * are at least once anyway — a relay, a reaction — which then repeat some
   * work after such a crash; never for a read model.
   */
  saveRelaxed?(name: string, position: LogPosition | null): Promise<void>;
}

/**
 * A checkpoint store that can also lock a checkpoint for the rest of a
 * transaction: two workers following under the same name then take turns
 * instead of both applying the same batch.
 */
export interface LockingCheckpointStore<Tx> extends CheckpointStore<Tx> {
  loadForUpdate(name: string, tx: Tx): Promise<LogPosition | null>;
  /**
   * Optional: `loadForUpdate`, a comparison with `from` and `save(to)` in one
   * step — moves the checkpoint from `from` to `to` and locks it for the rest
   * of `tx`; false (nothing changed) if it does not stand at `from`.
   */
  advance?(name: string, from: LogPosition | null, to: LogPosition, tx: Tx): Promise<boolean>;
}
