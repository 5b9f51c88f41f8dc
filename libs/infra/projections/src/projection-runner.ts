import type { LockingCheckpointStore, LogPosition, RecordedEvent, SqlExecutor } from '@cctv/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { EventHandlingError, failureFields } from './event-handling.error';
import { LogFollower } from './log-follower';
import type { Projection } from './projection';
import type { RunnerOptions } from './runner-options';

export interface ProjectionRunnerOptions extends RunnerOptions {
  /** The read model's database; its checkpoint lives there too, saved in the batch's transaction. */
  readonly dataSource: DataSource;
  readonly checkpoints: LockingCheckpointStore<SqlExecutor>;
}

/** Events a runner passes over without saving the checkpoint, at most, before it saves it anyway. */
const MAX_PASSED_OVER = 5_000;

/**
 * Applies the global log to one read model, a batch per transaction with the
 * checkpoint saved in that same transaction: a crash or an exception rolls
 * both back, so no event is skipped and none is applied twice.
 */
export class ProjectionRunner extends LogFollower {
  private readonly dataSource: DataSource;
  private readonly checkpoints: LockingCheckpointStore<SqlExecutor>;
  /** Where this runner's last batch left the checkpoint (undefined: unknown, read the table). */
  private saved: LogPosition | null | undefined = undefined;
  /** The checkpoint as it stands in the table when `saved` is known: behind it by the batches that changed nothing. */
  private persisted: LogPosition | null = null;
  /** Events passed over since `persisted`, all of them changing nothing. */
  private passedOver = 0;
  private prefetched: { readonly from: LogPosition | null; readonly events: Promise<readonly RecordedEvent[]> } | null = null;

  constructor(
    private readonly projection: Projection,
    options: ProjectionRunnerOptions,
  ) {
    super(projection.name, options);
    this.dataSource = options.dataSource;
    this.checkpoints = options.checkpoints;
  }

  /**
   * Empties the read model and replays the whole log into it — all in ONE
   * transaction. Readers keep seeing the old read model until the rebuilt one
   * commits, so there is no half-empty window at all. The price: while it
   * runs, the transaction holds back PostgreSQL's oldest-running-transaction
   * horizon, so every follower of an event store in the same server pauses
   * (they never skip) until the rebuild commits; fine for read models that
   * replay in seconds. Returns the number of events replayed.
   */
  rebuild(): Promise<number> {
    return this.exclusive(() => {
      this.forgetPosition();
      return this.dataSource.transaction(async (em) => {
        await this.checkpoints.loadForUpdate(this.name, em);
        await this.projection.reset(em);
        let after: LogPosition | null = null;
        let replayed = 0;
        let next = this.options.store.readAll(after, this.options.batchSize);
        for (;;) {
          const events = await next;
          if (events.length === 0) break;
          after = events[events.length - 1].position;
          // Read the next batch while this one is applied.
          next = this.options.store.readAll(after, this.options.batchSize);
          next.catch(() => undefined);
          await this.applyInRebuild(events, em);
          replayed += events.length;
        }
        await this.checkpoints.save(this.name, after, em);
        return replayed;
      });
    });
  }

  protected override forgetPosition(): void {
    this.saved = undefined;
    this.prefetched = null;
  }

  /** The batch changes nothing in the read model, and not too much of the log has been passed over unsaved. */
  private changesNothing(events: readonly RecordedEvent[]): boolean {
    const handles = this.projection.handles;
    if (!handles || this.passedOver + events.length > MAX_PASSED_OVER) return false;
    for (const event of events) if (handles.call(this.projection, event)) return false;
    return true;
  }

  protected async processBatch(): Promise<number> {
    for (;;) {
      // Read before the transaction opens: a transaction that has written holds back the log's horizon.
      if (this.saved === undefined) {
        this.persisted = await this.checkpoints.load(this.name);
        this.saved = this.persisted;
        this.passedOver = 0;
      }
      const from = this.saved;
      const events = await this.read(from);
      // (Had another replica moved the checkpoint on, the check in the transaction below finds out.)
      if (events.length === 0) return 0;
      const to = events[events.length - 1].position;
      // A full batch: more is likely waiting, so read it while this one is applied.
      if (events.length === this.options.batchSize) this.prefetch(to);
      if (this.changesNothing(events)) {
        // No transaction: the next batch that writes saves the checkpoint past these events too.
        this.saved = to;
        this.passedOver += events.length;
        return events.length;
      }
      const applied = await this.applyInTransaction(this.persisted, to, events).catch((error: unknown) => {
        this.saved = undefined;
        this.prefetched = null;
        throw error;
      });
      if (applied) {
        this.saved = to;
        this.persisted = to;
        this.passedOver = 0;
        return events.length;
      }
      this.saved = undefined;
      this.prefetched = null;
    }
  }

  /**
   * The batch after `from`: the one read ahead if it starts there, else read now.
   * Reading ahead is as safe as reading late: the log only ever answers with
   * events no running transaction can still precede.
   */
  private read(from: LogPosition | null): Promise<readonly RecordedEvent[]> {
    const ahead = this.prefetched;
    this.prefetched = null;
    if (ahead && ahead.from === from) return ahead.events;
    return this.options.store.readAll(from, this.options.batchSize);
  }

  private prefetch(from: LogPosition): void {
    const events = this.options.store.readAll(from, this.options.batchSize);
    events.catch(() => undefined); // whoever uses it sees the failure; unused, it is dropped
    this.prefetched = { from, events };
  }

  /**
   * The batch and its checkpoint in one transaction, the checkpoint moving
   * from `from` (where it stands in the table: before any batches passed over
   * since) to `to`; false if another replica got there first. If the projection's whole-batch apply fails, the
   * transaction rolls back and the batch is applied again event by event,
   * which has the same effect and names the event a failure comes from.
   */
  private async applyInTransaction(from: LogPosition | null, to: LogPosition, events: readonly RecordedEvent[]): Promise<boolean> {
    const attempt = (wholeBatch: boolean) =>
      this.dataSource.transaction(async (em) => {
        // Another replica may have applied this batch meanwhile: then read again from where it got.
        if (this.checkpoints.advance) {
          // Moved and locked in one round trip; the batch's writes commit with it or not at all.
          if (!(await this.checkpoints.advance(this.name, from, to, em))) return false;
          await this.applyAll(events, em, wholeBatch);
          return true;
        }
        if ((await this.checkpoints.loadForUpdate(this.name, em)) !== from) return false;
        await this.applyAll(events, em, wholeBatch);
        await this.checkpoints.save(this.name, to, em);
        return true;
      });
    if (!this.batchesWhole(events)) return attempt(false);
    try {
      return await attempt(true);
    } catch (error) {
      if (!(error instanceof WholeBatchError)) throw error;
      this.options.logger.warn('projection batch failed as a whole; applying it event by event', { runner: this.name, ...failureFields(error.cause) });
      return attempt(false);
    }
  }

  /** Within the rebuild's one transaction, a failed whole-batch apply is undone to a savepoint instead. */
  private async applyInRebuild(events: readonly RecordedEvent[], em: EntityManager): Promise<void> {
    if (!this.batchesWhole(events)) return this.applyAll(events, em, false);
    await em.query('SAVEPOINT projection_batch');
    try {
      await this.applyAll(events, em, true);
      await em.query('RELEASE SAVEPOINT projection_batch');
    } catch (error) {
      if (!(error instanceof WholeBatchError)) throw error;
      await em.query('ROLLBACK TO SAVEPOINT projection_batch');
      this.options.logger.warn('projection batch failed as a whole; applying it event by event', { runner: this.name, ...failureFields(error.cause) });
      await this.applyAll(events, em, false);
    }
  }

  private batchesWhole(events: readonly RecordedEvent[]): boolean {
    return this.projection.applyBatch !== undefined && events.length > 1;
  }

  private async applyAll(events: readonly RecordedEvent[], em: EntityManager, wholeBatch: boolean): Promise<void> {
    if (wholeBatch && this.projection.applyBatch) {
      try {
        await this.projection.applyBatch(events, em);
      } catch (error) {
        throw new WholeBatchError(error);
      }
      return;
    }
    for (const event of events) {
      try {
        await this.projection.apply(event, em);
      } catch (error) {
        throw new EventHandlingError(event, error);
      }
    }
  }
}

/** A whole-batch apply failed: the batch is to be applied again event by event. */
class WholeBatchError extends Error {
  constructor(override readonly cause: unknown) {
    super('applying the batch as a whole failed');
  }
}
