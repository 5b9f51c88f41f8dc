import type { CheckpointStore, LogPosition, RecordedEvent } from '@cctv/event-store';
import { EventHandlingError } from './event-handling.error';
import { LogFollower } from './log-follower';
import type { Reaction } from './reaction';
import type { RunnerOptions } from './runner-options';

/** Keys reacted to at the same time, at most, by a reaction with a `concurrencyKey`. */
const REACTING_AT_ONCE = 8;

export interface ReactionRunnerOptions extends RunnerOptions {
  readonly checkpoints: CheckpointStore;
  /**
   * The checkpoint is saved at most this often (default 1 s): by the first
   * batch after the interval, whether it finds anything new or not (an idle
   * runner still looks every `idleWaitMs`); and at once after a failure and
   * when the runner stops. A crash repeats the reactions since the last
   * save, which their deterministic event ids make harmless.
   */
  readonly checkpointEveryMs?: number;
}

/**
 * Calls a reaction for each event of the global log, then saves the
 * checkpoint. At least once: a crash between the two repeats the reaction,
 * which its deterministic event ids make harmless. A failing event is retried
 * (with backoff, by the running loop) and blocks the events after it, so a
 * process manager never sees them out of order.
 */
export class ReactionRunner extends LogFollower {
  private readonly checkpoints: CheckpointStore;
  private readonly checkpointEveryMs: number;
  /** Where this runner has reacted up to (undefined: unknown, read the saved checkpoint). */
  private saved: LogPosition | null | undefined = undefined;
  /** Reacted to but not saved yet (undefined: the saved checkpoint is `saved`). */
  private unsaved: LogPosition | null | undefined = undefined;
  private savedAt = 0;

  constructor(
    private readonly reaction: Reaction,
    options: ReactionRunnerOptions,
  ) {
    super(reaction.name, options);
    this.checkpoints = options.checkpoints;
    this.checkpointEveryMs = options.checkpointEveryMs ?? 1_000;
  }

  protected override forgetPosition(): void {
    this.saved = undefined;
    this.unsaved = undefined;
  }

  /** Before the lock is let go: what was reacted to is saved, so that the next holder does not repeat it. */
  protected override async pausing(): Promise<void> {
    if (this.unsaved !== undefined) await this.exclusive(() => this.persist());
  }

  protected async processBatch(): Promise<number> {
    // Only the lock holder moves this checkpoint, so after the first batch this runner knows it.
    const from = this.saved !== undefined ? this.saved : await this.checkpoints.load(this.name);
    const events = await this.options.store.readAll(from, this.options.batchSize);
    if (events.length === 0) {
      if (this.unsaved !== undefined && Date.now() - this.savedAt >= this.checkpointEveryMs) await this.persist();
      this.saved = from;
      return 0;
    }
    let reached: LogPosition | null = from;
    let failed = true;
    try {
      if (this.reaction.concurrencyKey && events.length > 1) {
        const outcome = await this.reactByKey(events, from);
        reached = outcome.reached;
        if (outcome.failure !== undefined) throw outcome.failure;
      } else {
        for (const event of events) {
          await this.reactTo(event);
          reached = event.position;
        }
      }
      failed = false;
    } finally {
      if (reached !== from) this.unsaved = reached;
      this.saved = reached;
      // Keep the progress made before a failure, so the retry starts at the failing event.
      if (this.unsaved !== undefined && (failed || Date.now() - this.savedAt >= this.checkpointEveryMs)) await this.persist();
    }
    return events.length;
  }

  private async persist(): Promise<void> {
    const position = this.unsaved;
    if (position === undefined) return;
    // A save lost to a database crash only repeats reactions, which their deterministic event ids make harmless.
    await (this.checkpoints.saveRelaxed ? this.checkpoints.saveRelaxed(this.name, position) : this.checkpoints.save(this.name, position));
    if (this.unsaved === position) this.unsaved = undefined;
    this.savedAt = Date.now();
  }

  private async reactTo(event: RecordedEvent): Promise<void> {
    try {
      await this.reaction.react(event);
    } catch (error) {
      throw new EventHandlingError(event, error);
    }
  }

  /**
   * The batch's events with different keys at the same time (at most
   * REACTING_AT_ONCE), those with one key in log order; an event after a
   * failed one of its key is not reacted to. Returns the position before the
   * first failure in log order (events after it that did succeed are reacted
   * to again on the retry: at least once, as after a crash) and that failure.
   */
  private async reactByKey(events: readonly RecordedEvent[], from: LogPosition | null): Promise<{ reached: LogPosition | null; failure?: unknown }> {
    const keyOf = this.reaction.concurrencyKey!.bind(this.reaction);
    const outcomes: unknown[] = new Array(events.length);
    const chains = new Map<string, number[]>();
    events.forEach((event, i) => {
      const key = keyOf(event);
      const chain = chains.get(key);
      if (chain) chain.push(i);
      else chains.set(key, [i]);
    });
    const queue = [...chains.values()];
    const worker = async () => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) {
        for (const i of chain) {
          try {
            await this.reactTo(events[i]);
            outcomes[i] = true;
          } catch (error) {
            outcomes[i] = error;
            break; // the rest of this key waits for the retry, in order
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(REACTING_AT_ONCE, queue.length) }, worker));
    let reached = from;
    for (let i = 0; i < events.length; i++) {
      // The first event not reacted to in log order is a failed one: an event is skipped only after a failure of its key.
      if (outcomes[i] !== true) return { reached, failure: outcomes[i] ?? new Error(`event ${events[i].eventId} was not reacted to`) };
      reached = events[i].position;
    }
    return { reached };
  }
}
