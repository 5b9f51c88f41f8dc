/** Makes sure that of all replicas of a service only one runs a given runner at a time. */
export interface RunnerLock {
  /** Waits until this process holds `name`; `null` when `signal` aborts first. */
  acquire(name: string, signal: AbortSignal): Promise<LockLease | null>;
}

export interface LockLease {
  /** Resolves if the lock is lost (its connection broke): the holder must stop and acquire again. */
  readonly lost: Promise<void>;
  isLost(): boolean;
  release(): Promise<void>;
}
