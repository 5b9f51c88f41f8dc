/** How many requests a client may make: `perMinute` on average, up to `burst` at once. */
export interface RateLimit {
  readonly perMinute: number;
  readonly burst: number;
}

export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per client key, in memory: each request takes a token, and
 * tokens come back at `perMinute / 60` a second up to `burst`. Buckets that
 * have filled up again are forgotten when the table grows past `maxKeys`, so a
 * crowd of addresses cannot grow memory without bound; if all are busy the
 * oldest go first (at worst such a client starts again with a full bucket).
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 10_000,
  ) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new Error('a rate limit needs perMinute > 0 and burst >= 1');
    this.perMs = limit.perMinute / 60_000;
  }

  take(key: string, nowMs: number): TakeResult {
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: this.limit.burst, at: nowMs };
    this.refill(bucket, nowMs);
    // Re-inserted so that Map order stays least recently used first.
    if (known) this.buckets.delete(key);
    // Shrinking well below the bound makes the sweep rare, however many addresses arrive.
    else if (this.buckets.size >= this.maxKeys) this.forget(nowMs, Math.floor(this.maxKeys * 0.9));
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket, nowMs: number): void {
    // A clock that steps back gives nothing back and takes nothing away.
    const elapsed = Math.max(0, nowMs - bucket.at);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.perMs);
    bucket.at = Math.max(bucket.at, nowMs);
  }

  private forget(nowMs: number, keep: number): void {
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, nowMs);
      if (bucket.tokens >= this.limit.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= keep) break;
      this.buckets.delete(key);
    }
  }
}
