import type { Pool } from 'pg';

/**
 * Sends NOTIFY after appends have committed, at most one at a time and
 * a few milliseconds late on purpose: appends that commit meanwhile share it. A NOTIFY inside the
 * append's own transaction would take PostgreSQL's commit-time notify lock
 * and serialise every concurrent append (measured: about twice as slow with
 * 16 writers). A notification lost to a crash only delays followers, who poll.
 *
 * The notification is for other processes only (this one hears its own
 * appends directly), so it is not sent while no other session listens on
 * the channel: asked of `pg_stat_activity` at most every `listenersCheckMs`,
 * where a listening connection, which runs nothing but its LISTEN, shows
 * that statement. A replica that starts listening in between polls until
 * the next check finds it. If the question cannot be answered, it notifies.
 */
export class AppendNotifier {
  private state: 'idle' | 'sending' | 'sending-then-again' = 'idle';
  private othersListen = true;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    /** Tells the sending process's own listener to ignore it: that one heard of the appends already. */
    private readonly payload: string,
    /** The backend of this process's own listening connection, if it has one. */
    private readonly ownListener: () => number | null,
    private readonly coalesceMs = 5,
    private readonly listenersCheckMs = 2_000,
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
      if (Date.now() - this.checkedAt >= this.listenersCheckMs) await this.checkListeners();
      if (this.othersListen) await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, this.payload]);
    } catch {
      // Followers poll; a failed hint is not worth failing an append that already committed.
    }
    const again = this.state === 'sending-then-again';
    this.state = again ? 'sending' : 'idle';
    if (again) setTimeout(() => void this.send(), this.coalesceMs).unref();
  }

  private async checkListeners(): Promise<void> {
    this.checkedAt = Date.now();
    try {
      const { rows } = await this.pool.query<{ others: boolean }>(
        `SELECT EXISTS (
           SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND query = $1 AND pid IS DISTINCT FROM $2::int
         ) AS others`,
        [`LISTEN "${this.channel}"`, this.ownListener()],
      );
      this.othersListen = rows[0]?.others !== false;
    } catch {
      this.othersListen = true;
    }
  }
}
