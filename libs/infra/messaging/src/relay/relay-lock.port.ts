/**
 * Leadership among the replicas of one service: only the holder relays.
 * A holder that dies loses the lock by itself, so a standby takes over.
 */
export interface RelayLock {
  /**
   * True when this process holds the lock: it held it already and still does,
   * or it just took it. Never waits for another holder.
   */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}
