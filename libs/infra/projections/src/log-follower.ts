import { ReadMarks } from '@cctv/event-store';
import { abortedWhen, sleep, waitFor } from './waiting';
import { backoffDelay } from './backoff';
import { failureFields } from './event-handling.error';
import type { LockLease } from './locks/runner-lock.port';
import { resolveRunnerOptions, type ResolvedRunnerOptions, type RunnerOptions } from './runner-options';

/**
 * After a wake-up the appended event may not be readable yet (the store only
 * returns what no running transaction can still precede), so look again a
 * few times, soon, before going back to waiting for the next append.
 */
const LOOK_AGAIN_MS = [10, 20, 40, 80, 160, 320];
/** After a batch smaller than a full one, the one look before waiting for news. */
const LOOK_AFTER_EVENTS_MS = 20;

/**
 * What projection and reaction runners share: take the lock, process batches
 * of the global log until stopped, wait for appends when caught up, and back
 * off on failure. Subclasses say what one batch is.
 */
export abstract class LogFollower {
  protected readonly options: ResolvedRunnerOptions;
  private stopping: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private turn: Promise<unknown> = Promise.resolve();

  protected constructor(
    readonly name: string,
    options: RunnerOptions,
  ) {
    this.options = resolveRunnerOptions(options);
  }

  /** Processes one batch from the checkpoint; returns how many events it handled (0: at the head). */
  protected abstract processBatch(): Promise<number>;

  get running(): boolean {
    return this.loop !== null;
  }

  /** Follows the log in the background, on whichever replica holds the lock. */
  start(): void {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run(this.stopping.signal);
  }

  /** Lets the batch in progress finish, then releases the lock. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping?.abort();
    await this.loop;
    this.loop = null;
  }

  /**
   * Forget any position remembered from earlier batches: another process may
   * have moved the checkpoint since (called on taking the lock and on catch-up).
   */
  protected forgetPosition(): void {}

  /** Saves progress held back in memory; called at the end of a catch-up and before the lock is let go (unless lost). */
  protected async pausing(): Promise<void> {}

  /** Processes batches until the head of the log; returns how many events. Failures are thrown, not retried. */
  async catchUp(): Promise<number> {
    await this.exclusive(async () => this.forgetPosition());
    let total = 0;
    for (;;) {
      const handled = await this.exclusive(() => this.processBatch());
      if (handled === 0) break;
      total += handled;
    }
    await this.pausing(); // at the head: whatever progress is held back is saved now
    return total;
  }

  /** One batch or rebuild at a time within this process, whoever asks. */
  protected exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async run(stop: AbortSignal): Promise<void> {
    const { lock, logger, backoff } = this.options;
    while (!stop.aborted) {
      let lease: LockLease | null;
      try {
        lease = await lock.acquire(this.name, stop);
      } catch (error) {
        logger.warn('runner could not take its lock; retrying', { runner: this.name, ...failureFields(error) });
        await sleep(backoff.maxMs, stop);
        continue;
      }
      if (!lease) return;
      logger.info('runner holds its lock', { runner: this.name });
      await this.exclusive(async () => this.forgetPosition());
      try {
        await this.follow(lease, stop);
      } finally {
        if (!lease.isLost()) {
          await this.pausing().catch((error: unknown) => logger.warn('runner could not save its progress before letting its lock go', { runner: this.name, ...failureFields(error) }));
        }
        await lease.release();
      }
      if (lease.isLost()) logger.warn('runner lost its lock', { runner: this.name });
    }
  }

  private async follow(lease: LockLease, stop: AbortSignal): Promise<void> {
    const { store, idleWaitMs, backoff, logger } = this.options;
    const interrupted = AbortSignal.any([stop, abortedWhen(lease.lost)]);
    let failures = 0;
    let lookAgain = LOOK_AGAIN_MS.length;
    const marks = new ReadMarks(store);
    while (!interrupted.aborted) {
      try {
        marks.beforeRead();
        const handled = await this.exclusive(() => this.processBatch());
        const since = marks.afterRead(handled >= this.options.batchSize);
        failures = 0;
        if (handled >= this.options.batchSize) continue; // more is likely waiting
        const wait = (ms: number) => waitFor(store.waitForAppend?.(ms, since) ?? sleep(ms).then(() => false), interrupted);
        if (handled > 0) {
          // Caught up, most likely: rather than read again at once, look once more shortly (or when woken),
          // for an event a writer committed just then; after that, wait for news.
          lookAgain = LOOK_AGAIN_MS.length;
          await wait(LOOK_AFTER_EVENTS_MS);
        } else if (lookAgain < LOOK_AGAIN_MS.length) {
          // A new append ends the pause early too: waiting out the whole pause would delay it.
          if (await wait(LOOK_AGAIN_MS[lookAgain++])) lookAgain = 0;
        } else if (await wait(idleWaitMs)) {
          lookAgain = 0;
        }
      } catch (error) {
        failures++;
        const delayMs = backoffDelay(failures, backoff);
        logger.warn('runner batch failed; retrying', { runner: this.name, attempt: failures, delayMs, ...failureFields(error) });
        await sleep(delayMs, interrupted);
      }
    }
  }
}
