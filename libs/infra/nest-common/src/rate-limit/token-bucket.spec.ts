import { TokenBucketLimiter } from './token-bucket';

describe('a token bucket per client', () => {
  it('lets a burst through at once, then refuses with the seconds until the next token', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 3 });
    expect([1, 2, 3].map(() => limiter.take('1.2.3.4', 0).allowed)).toEqual([true, true, true]);
    expect(limiter.take('1.2.3.4', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('gives tokens back at the rate per minute, never above the burst', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 2 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    expect(limiter.take('a', 5_000)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    expect(limiter.take('a', 10_000).allowed).toBe(true);
    // An hour idle fills the bucket to its burst, not to 360.
    expect([1, 2, 3].map(() => limiter.take('a', 3_600_000).allowed)).toEqual([true, true, false]);
  });

  it('counts each client on its own', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('b', 0).allowed).toBe(true);
  });

  it('a clock stepping back neither grants nor takes tokens', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1 });
    expect(limiter.take('a', 10_000).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('a', 11_000).allowed).toBe(true);
  });

  it('remembers a bounded number of clients: full buckets are forgotten first, then the oldest', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1 }, 100);
    for (let i = 0; i < 1_000; i++) limiter.take(`10.0.${Math.floor(i / 256)}.${i % 256}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // Still limited: the most recent client has no token left.
    expect(limiter.take('10.0.3.231', 0).allowed).toBe(false);
    // A minute later every bucket is full again and the table shrinks on the next newcomer.
    limiter.take('newcomer', 60_000);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('refuses a limit that could never let anything through', () => {
    expect(() => new TokenBucketLimiter({ perMinute: 0, burst: 1 })).toThrow();
    expect(() => new TokenBucketLimiter({ perMinute: 1, burst: 0 })).toThrow();
  });
});
