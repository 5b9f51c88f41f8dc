import type { AllStreamSubscription, EventStoreDBClient, Filter, Position } from '@eventstore/db-client';
import { comparePositions, subscriptionStart } from './log-position';

/**
 * Wakes followers waiting for an append, from one catch-up subscription to
 * $all. It starts after the furthest position the store has handed to a
 * follower (so events written since then wake at once), or at the end of the
 * log when none was, and after a drop it resubscribes from the last event it
 * saw. It is a hint only: the followers' checkpoints stay in PostgreSQL and
 * they read with `readAll`.
 */
export class AllStreamWaiter {
  private subscription: AllStreamSubscription | null = null;
  private readonly waiters = new Set<(woken: boolean) => void>();
  private known: Position | null = null;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly filter: Filter,
    private readonly isOurs: (event: { streamId: string; type: string }) => boolean,
  ) {}

  /** Remembers the furthest position a follower has been given. */
  noteKnown(position: Position): void {
    if (this.known === null || comparePositions(position, this.known) > 0) this.known = position;
  }

  wait(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    this.subscribe();
    return new Promise((resolve) => {
      const settle = (woken: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(settle);
        resolve(woken);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      this.waiters.add(settle);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const settle of [...this.waiters]) settle(false);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private subscribe(): void {
    if (this.subscription !== null || this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: subscriptionStart(this.known), filter: this.filter });
    subscription.on('data', ({ event }) => {
      if (event === undefined) return;
      this.noteKnown(event.position);
      if (!this.isOurs(event)) return;
      for (const settle of [...this.waiters]) settle(true);
    });
    const dropped = () => {
      if (this.subscription === subscription) this.subscription = null; // the next wait resubscribes
    };
    subscription.on('error', dropped);
    subscription.on('close', dropped);
    this.subscription = subscription;
  }
}
