import { assertAppendable } from '../new-events.guard';
import { classifyStoredIds } from '../retried-append';
import {
  WrongExpectedVersionError,
  type AppendMark,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
  type StreamRead,
} from '../event-store.port';

/**
 * The event store in a process's memory: for pure handler tests and the
 * embedded mode. One JavaScript turn per append, so appends are atomic and
 * the log is in commit order by construction.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private waiters: Array<() => void> = [];
  private appends = 0;

  async readStream<Data = unknown>(streamId: string): Promise<StreamRead<Data>> {
    const events = (this.streams.get(streamId) ?? []) as RecordedEvent<Data>[];
    return { version: events.length - 1, events: [...events] };
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const stream = this.streams.get(streamId) ?? [];
    const stored = events.flatMap((e) => this.byId.get(e.eventId.toLowerCase()) ?? []);
    const retried = classifyStoredIds(streamId, events.map((e) => e.eventId), stored);
    if (retried) return retried;

    const actual = stream.length - 1;
    if (!matches(expected, actual)) throw new WrongExpectedVersionError(streamId, expected, actual);
    if (events.length === 0) return { nextExpectedVersion: actual, duplicate: false };

    const recorded = events.map((event, i) => ({
      ...event,
      streamId,
      streamVersion: actual + 1 + i,
      position: formatPosition(this.log.length + i),
    }));
    for (const event of recorded) {
      this.log.push(event);
      this.byId.set(event.eventId.toLowerCase(), event);
    }
    this.streams.set(streamId, [...stream, ...recorded]);
    this.wake();
    return { nextExpectedVersion: actual + events.length, duplicate: false };
  }

  async readAll(after: LogPosition | null, limit: number): Promise<readonly RecordedEvent[]> {
    const start = after === null ? 0 : parsePosition(after) + 1;
    return this.log.slice(start, start + limit);
  }

  waitForAppend(timeoutMs: number, since?: AppendMark): Promise<boolean> {
    if (since !== undefined && since !== this.appends) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
    });
  }

  appendMark(): AppendMark {
    return this.appends;
  }

  private wake(): void {
    this.appends += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function matches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1;
  return expected === actual;
}

// Zero-padded so that positions also sort as strings.
function formatPosition(index: number): LogPosition {
  return String(index).padStart(12, '0');
}

function parsePosition(position: LogPosition): number {
  const index = Number(position);
  if (!Number.isInteger(index) || index < 0) throw new Error(`Not an in-memory log position: ${position}`);
  return index;
}
