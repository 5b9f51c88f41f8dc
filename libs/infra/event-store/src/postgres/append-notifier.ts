import type { Pool } from 'pg';

/**
 * Sends NOTIFY after appends have committed, at most one at a time and
 * a few milliseconds late on purpose: appends that commit meanwhile share it. A NOTIFY inside the
 * append's own transaction would take PostgreSQL's commit-time notify lock
 * and serialise every concurrent append (measured: about twice as slow with
 * 16 writers). A notification lost to a crash only delays followers, who poll.
 */
export class AppendNotifier {
  private state: 'idle' | 'sending' | 'sending-then-again' = 'idle';

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    /** Tells the sending process's own listener to ignore it: that one heard of the appends already. */
    private readonly payload: string,
    private readonly coalesceMs = 5,
  ) {}

  poke(): void {
    if (this.state === 'idle') {
      this.state = 'sending';
      setTimeout(() => void this.send(), this.coalesceMs).unref();
    } else {
      this.state = 'sending-then-again';
    }
  }

  private async send(): Promise<void> {
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, this.payload]);
    } catch {
      // Followers poll; a failed hint is not worth failing an append that already committed.
    }
    const again = this.state === 'sending-then-again';
    this.state = again ? 'sending' : 'idle';
    if (again) setTimeout(() => void this.send(), this.coalesceMs).unref();
  }
}
