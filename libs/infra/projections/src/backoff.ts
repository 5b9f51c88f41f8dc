export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 30_000 };

/** Doubling delays, capped: 1st failure waits `initialMs`, then 2×, 4×, … up to `maxMs`. */
export function backoffDelay(failures: number, { initialMs, maxMs }: BackoffOptions): number {
  if (failures < 1) return 0;
  return Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 30));
}
