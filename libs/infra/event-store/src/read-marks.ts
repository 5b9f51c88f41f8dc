import type { AppendMark, EventStore } from './event-store.port';

/**
 * Which `appendMark()` a follower passes to `waitForAppend` after a read:
 * the one taken before that read, or, if the read before it was full (so
 * this one may have been read ahead during it, before the later mark), the
 * one from before that. An append heard of after the mark ends the wait at
 * once; an earlier one was in what the read saw.
 */
export class ReadMarks {
  private previous: AppendMark | undefined;
  private previousFull = false;
  private current: AppendMark | undefined;

  constructor(private readonly store: EventStore) {
    this.previous = store.appendMark?.();
  }

  /** Call right before a read (or a batch that starts with one). */
  beforeRead(): void {
    this.current = this.store.appendMark?.();
  }

  /** After it: whether it filled its batch; returns the mark to wait with. */
  afterRead(full: boolean): AppendMark | undefined {
    const since = this.previousFull ? this.previous : this.current;
    this.previous = this.current;
    this.previousFull = full;
    return since;
  }
}
