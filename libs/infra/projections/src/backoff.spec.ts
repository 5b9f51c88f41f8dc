import { backoffDelay } from './backoff';

describe('retry backoff', () => {
  const options = { initialMs: 100, maxMs: 1_000 };

  it('doubles the wait after each consecutive failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(5, options)).toBe(1_000);
    expect(backoffDelay(10_000, options)).toBe(1_000);
  });

  it('does not wait before the first failure', () => {
    expect(backoffDelay(0, options)).toBe(0);
  });
});
