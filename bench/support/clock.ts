import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` and returns its wall time in seconds with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = now();
  const result = await work();
  return { seconds: (now() - started) / 1000, result };
}

/** `writers` loops that each take the next unit of work until `total` units are done. */
export async function concurrently(writers: number, total: number, unit: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < total; i = next++) await unit(i);
    }),
  );
}
