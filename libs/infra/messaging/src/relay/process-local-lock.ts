import type { RelayLock } from './relay-lock.port';

const holders = new Map<string, ProcessLocalLock>();

/** Leadership within one process: for the embedded mode, where there is one replica anyway, and for tests. */
export class ProcessLocalLock implements RelayLock {
  constructor(private readonly name: string) {}

  async tryAcquire(): Promise<boolean> {
    const holder = holders.get(this.name);
    if (holder === undefined) holders.set(this.name, this);
    return (holder ?? this) === this;
  }

  async release(): Promise<void> {
    if (holders.get(this.name) === this) holders.delete(this.name);
  }
}
