import type { LockLease, RunnerLock } from './runner-lock.port';

/** For one process (the embedded mode, unit tests): runners of the same name take turns. */
export class InProcessLock implements RunnerLock {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, Array<() => void>>();

  async acquire(name: string, signal: AbortSignal): Promise<LockLease | null> {
    while (this.held.has(name)) {
      if (signal.aborted) return null;
      await new Promise<void>((resolve) => {
        // Woken by a release or by the signal; either way the listener goes, or each turn waited would leave one on the signal.
        const wake = () => {
          signal.removeEventListener('abort', wake);
          resolve();
        };
        const queue = this.queues.get(name) ?? [];
        queue.push(wake);
        this.queues.set(name, queue);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
    if (signal.aborted) return null;
    this.held.add(name);
    let released = false;
    return {
      lost: new Promise<void>(() => undefined),
      isLost: () => false,
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(name);
        const waiting = this.queues.get(name) ?? [];
        this.queues.delete(name);
        for (const wake of waiting) wake();
      },
    };
  }
}
