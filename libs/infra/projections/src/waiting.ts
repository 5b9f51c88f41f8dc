/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** A signal that aborts when `event` resolves. */
export function abortedWhen(event: Promise<void>): AbortSignal {
  const controller = new AbortController();
  void event.then(() => controller.abort());
  return controller.signal;
}

/** What `work` resolves to, or `false` when it fails or `signal` aborts first. */
export function waitFor(work: Promise<boolean>, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (result: boolean) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => done(false);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(done, () => done(false));
  });
}
