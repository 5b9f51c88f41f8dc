import type { Actor } from '@cctv/kernel';

/** What every stored event carries besides its data. */
export interface EventMetadata {
  readonly occurredAt: string; // ISO-8601, UTC
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
}

export interface NewEvent<Data = unknown> {
  readonly eventId: string; // uuid; an append retried with the same ids is applied once
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  readonly streamId: string;
  readonly streamVersion: number; // 0 for a stream's first event
  /** Opaque, adapter-specific, totally ordered position in the global log. */
  readonly position: LogPosition;
}

/** Opaque checkpoint into the global log; `null` means "before the first event". */
export type LogPosition = string;

/** `number` is the version of the stream's last event (0-based); -1 is the same as 'no_stream'. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  readonly nextExpectedVersion: number;
  /** True when every event id was already stored in this stream: the append was a retry. */
  readonly duplicate: boolean;
}

export interface StreamRead<Data = unknown> {
  readonly version: number; // -1 when the stream does not exist
  readonly events: readonly RecordedEvent<Data>[];
}

export interface EventStore {
  readStream<Data = unknown>(streamId: string): Promise<StreamRead<Data>>;
  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * Events of the global log strictly after `after`, at most `limit`, in log order.
   * A follower that keeps calling this with the last position it saw sees
   * every event exactly once, even while many writers commit concurrently.
   */
  readAll(after: LogPosition | null, limit: number): Promise<readonly RecordedEvent[]>;
  /**
   * Optional: resolves `true` soon after some append commits, `false` when
   * `timeoutMs` passes first. A wake-up hint only: followers must still poll,
   * since a notification can be lost or arrive before the event is readable.
   * With `since` (an `appendMark()` taken before the follower's last read) it
   * resolves at once if an append was heard of after that mark, so that one
   * which came between the read and the wait is not slept through.
   */
  waitForAppend?(timeoutMs: number, since?: AppendMark): Promise<boolean>;
  /** Optional: how many appends this store has heard of so far (its own at once, other processes' by notification). */
  appendMark?(): AppendMark;
  /**
   * Optional: the same window of the log as `readAll(after, limit)`, without
   * the events of streams whose id starts with `streamPrefix` — their bodies
   * are neither sent nor parsed. `end` is the window's last position, skipped
   * or not, so that a follower moves past skipped events too.
   */
  readAllExcept?(after: LogPosition | null, limit: number, streamPrefix: string): Promise<LogWindow>;
}

/** A count of appends heard of; only compared for equality. */
export type AppendMark = number;

/** A window of the global log from which some events were left out. */
export interface LogWindow {
  readonly events: readonly RecordedEvent[];
  /** Events in the window, those left out included; 0: nothing after `after` yet. */
  readonly scanned: number;
  /** The position of the window's last event; null when it is empty. */
  readonly end: LogPosition | null;
}

/** The expected version did not match: someone else appended first (HTTP 409). */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}
