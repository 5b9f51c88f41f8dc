import type { RecordedEvent } from '@cctv/event-store';
import type { EntityManager } from 'typeorm';

/** A read model fed from the global log. */
export interface Projection {
  /** Also the checkpoint name and the lock name: unique per database. */
  readonly name: string;
  /** Runs inside the batch's transaction; throwing rolls back the whole batch, checkpoint included. */
  apply(event: RecordedEvent, em: EntityManager): Promise<void>;
  /**
   * Optional: applies a whole batch at once, to the same effect as `apply` on
   * each event in order (e.g. loading the rows the batch touches in one query
   * and writing them back with a few statements). Runs inside the batch's
   * transaction: if it throws, the runner rolls its writes back and applies
   * the batch again event by event with `apply`, which names the failing event.
   */
  applyBatch?(events: readonly RecordedEvent[], em: EntityManager): Promise<void>;
  /**
   * Empties the read model before a rebuild, inside the rebuild's transaction.
   * Prefer DELETE to TRUNCATE: TRUNCATE would lock readers out until the
   * rebuild commits, DELETE lets them keep reading the old rows meanwhile.
   */
  reset(em: EntityManager): Promise<void>;
  /**
   * Optional: false when applying the event changes nothing in the read
   * model. A batch of only such events then opens no transaction: the runner
   * moves on and saves the checkpoint past them with a later batch (a crash
   * before that only has them read again, to the same no effect).
   */
  handles?(event: RecordedEvent): boolean;
}
