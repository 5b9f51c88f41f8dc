import type { EventStore, LogPosition, LogWindow } from './event-store.port';

/**
 * `store.readAllExcept` where the adapter offers it; otherwise the same
 * window read whole, with the left-out streams dropped after parsing.
 */
export async function readAllExcept(store: EventStore, after: LogPosition | null, limit: number, streamPrefix: string): Promise<LogWindow> {
  if (store.readAllExcept) return store.readAllExcept(after, limit, streamPrefix);
  const all = await store.readAll(after, limit);
  return {
    events: all.filter((event) => !event.streamId.startsWith(streamPrefix)),
    scanned: all.length,
    end: all.length > 0 ? all[all.length - 1].position : null,
  };
}
