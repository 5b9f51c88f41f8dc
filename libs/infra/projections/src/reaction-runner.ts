import type { CheckpointStore, LogPosition } from '@cctv/event-store';
import { EventHandlingError } from './event-handling.error';
import { LogFollower } from './log-follower';
import type { Reaction } from './reaction';
import type { RunnerOptions } from './runner-options';

export interface ReactionRunnerOptions extends RunnerOptions {
  readonly checkpoints: CheckpointStore;
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
  /** Where this runner last left the checkpoint (undefined: unknown, read it). */
  private saved: LogPosition | null | undefined = undefined;

  constructor(
    private readonly reaction: Reaction,
    options: ReactionRunnerOptions,
  ) {
    super(reaction.name, options);
    this.checkpoints = options.checkpoints;
  }

  protected override forgetPosition(): void {
    this.saved = undefined;
  }

  protected async processBatch(): Promise<number> {
    // Only the lock holder moves this checkpoint, so after the first batch this runner knows it.
    const from = this.saved !== undefined ? this.saved : await this.checkpoints.load(this.name);
    const events = await this.options.store.readAll(from, this.options.batchSize);
    let reached: LogPosition | null = from;
    try {
      for (const event of events) {
        try {
          await this.reaction.react(event);
        } catch (error) {
          throw new EventHandlingError(event, error);
        }
        reached = event.position;
      }
    } finally {
      // Keep the progress made before a failure, so the retry starts at the failing event.
      if (reached !== from) {
        this.saved = undefined; // until the save is known to have succeeded
        // A save lost to a database crash only repeats reactions, which their deterministic event ids make harmless.
        await (this.checkpoints.saveRelaxed ? this.checkpoints.saveRelaxed(this.name, reached) : this.checkpoints.save(this.name, reached));
      }
      this.saved = reached;
    }
    return events.length;
  }
}
