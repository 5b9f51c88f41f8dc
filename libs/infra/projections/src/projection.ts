import type { RecordedEvent } from '@cctv/event-store';
import type { EntityManager } from 'typeorm';

/** A read model fed from the global log. */
export interface Projection {
  /** Also the checkpoint name and the lock name: unique per database. */
  readonly name: string;
  /** Runs inside the batch's transaction; throwing rolls back the whole batch, checkpoint included. */
  apply(event: RecordedEvent, em: EntityManager): Promise<void>;
  /**
   * Empties the read model before a rebuild, inside the rebuild's transaction.
   * Prefer DELETE to TRUNCATE: TRUNCATE would lock readers out until the
   * rebuild commits, DELETE lets them keep reading the old rows meanwhile.
   */
  reset(em: EntityManager): Promise<void>;
}
