export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 10_000 };

/** Doubling delay for the n-th failed attempt (1-based), capped. */
export const backoffDelay = (attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number =>
  Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt - 1));

/** Resolves after `ms`, or as soon as `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> => untilNews(null, ms, signal);

/**
 * Resolves when `news` settles, after `ms`, or as soon as `signal` aborts,
 * whichever comes first; then drops its timer and its abort listener, so that
 * a loop woken by news again and again does not pile listeners onto one signal.
 */
export const untilNews = (news: Promise<unknown> | null, ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    news?.then(done, done);
  });
