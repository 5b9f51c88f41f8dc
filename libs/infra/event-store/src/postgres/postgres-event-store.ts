import type { Pool } from 'pg';
import {
  WrongExpectedVersionError,
  type AppendMark,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type LogWindow,
  type NewEvent,
  type RecordedEvent,
  type StreamRead,
} from '../event-store.port';
import { assertAppendable } from '../new-events.guard';
import { classifyStoredIds, type StoredId } from '../retried-append';
import { AppendListener } from './append-listener';
import { AppendNotifier } from './append-notifier';
import { appendStatements, conflictSql, streamVersionSql, type AppendStatements } from './append.sql';
import { toRecordedEvent, type EventRow } from './event-row';
import { decodePosition, encodePosition } from './log-position';
import { readAllExceptSql, readAllSql, readStreamSql } from './read.sql';
import { schemaDdl } from './schema.sql';
import { isUniqueViolation, quoteSchema } from './sql';

export interface PostgresEventStoreOptions {
  /** NOTIFY followers after appends (default true), so that `waitForAppend` wakes promptly. */
  readonly notify?: boolean;
  /**
   * Prepare the hot queries once per connection under a name (default true).
   * Turn off where several connections share one backend (PGlite behind a
   * socket): there the names would collide between connections.
   */
  readonly namedStatements?: boolean;
  /**
   * How `waitForAppend` hears of appends: of those made through this
   * instance always, within a few milliseconds; of everyone else's by LISTEN ('listen', the
   * default), or not at all ('this-process': no LISTEN connection — for a
   * database only this process writes and where NOTIFY does not reach the
   * listener, PGlite behind a socket).
   */
  readonly wakeUp?: 'listen' | 'this-process';
}

// 'any' appends can lose a race for the next version; they simply try again.
const ANY_VERSION_ATTEMPTS = 10;

/** The version before the written events, or null when the append was refused (a conflict, a retry or a lost race). */
type Attempt = number | null;

/** The event store in one PostgreSQL schema per service. */
export class PostgresEventStore implements EventStore {
  private readonly sql: { append: AppendStatements; conflict: string; version: string; readStream: string; readAll: string; readAllExcept: string };
  private readonly notifier: AppendNotifier | null;
  private readonly listener: AppendListener;
  private readonly named: boolean;
  private readonly readsInFlight = new Map<string, { readonly limit: number; readonly mark: AppendMark; readonly events: Promise<readonly RecordedEvent[]> }>();

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
    options: PostgresEventStoreOptions = {},
  ) {
    quoteSchema(schema);
    this.sql = {
      append: appendStatements(schema),
      conflict: conflictSql(schema),
      version: streamVersionSql(schema),
      readStream: readStreamSql(schema),
      readAll: readAllSql(schema),
      readAllExcept: readAllExceptSql(schema),
    };
    this.named = options.namedStatements ?? true;
    const channel = `${schema}_appended`;
    this.listener = new AppendListener(pool.options, channel, options.wakeUp !== 'this-process');
    this.notifier = (options.notify ?? true) ? new AppendNotifier(pool, channel, this.listener.id, () => this.listener.backendPid()) : null;
  }

  /** Creates the schema and its tables if missing; safe to call from several replicas at once. */
  async ensureSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalog; take turns.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`cctv-ensure-schema:${this.schema}`]);
      await client.query(schemaDdl(this.schema));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async readStream<Data = unknown>(streamId: string): Promise<StreamRead<Data>> {
    const { rows } = await this.pool.query<EventRow>({ name: this.statement('es_read_stream'), text: this.sql.readStream, values: [streamId] });
    const events = rows.map((row) => toRecordedEvent<Data>(row));
    return { version: events.length - 1, events };
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(streamId, events);
    if (events.length === 0) return this.appendNothing(streamId, expected);
    for (let attempt = 1; ; attempt++) {
      const before = await this.tryAppend(streamId, events, expected);
      if (before !== null) {
        this.listener.appended();
        this.notifier?.poke();
        return { nextExpectedVersion: before + events.length, duplicate: false };
      }
      const actual = await this.settleConflict(streamId, events);
      if (typeof actual !== 'number') return actual;
      if (expected !== 'any' || attempt >= ANY_VERSION_ATTEMPTS) throw new WrongExpectedVersionError(streamId, expected, actual);
    }
  }

  /**
   * Followers of one process woken by the same append tend to ask for the
   * same window at the same moment: a read from a position that another read
   * in flight starts from, asking no more than it, shares that read — if no
   * append was heard of since that read began, so that it answers for every
   * append the follower may have been woken by.
   */
  readAll(after: LogPosition | null, limit: number): Promise<readonly RecordedEvent[]> {
    const key = after ?? '';
    const mark = this.listener.mark();
    const shared = this.readsInFlight.get(key);
    if (shared && shared.limit >= limit && shared.mark === mark) {
      return limit === shared.limit ? shared.events : shared.events.then((events) => events.slice(0, limit));
    }
    const events = this.queryAll(after, limit);
    this.readsInFlight.set(key, { limit, mark, events });
    const done = () => {
      if (this.readsInFlight.get(key)?.events === events) this.readsInFlight.delete(key);
    };
    events.then(done, done);
    return events;
  }

  private async queryAll(after: LogPosition | null, limit: number): Promise<readonly RecordedEvent[]> {
    const { tx, position } = decodePosition(after);
    const { rows } = await this.pool.query<EventRow>({
      name: this.statement('es_read_all'),
      text: this.sql.readAll,
      values: [tx, position, limit],
    });
    return rows.map((row) => toRecordedEvent(row));
  }

  async readAllExcept(after: LogPosition | null, limit: number, streamPrefix: string): Promise<LogWindow> {
    const { tx, position } = decodePosition(after);
    const { rows } = await this.pool.query<EventRow>({
      name: this.statement('es_read_all_except'),
      text: this.sql.readAllExcept,
      values: [tx, position, limit, streamPrefix],
    });
    const events: RecordedEvent[] = [];
    for (const row of rows) if (!row.stream_id.startsWith(streamPrefix)) events.push(toRecordedEvent(row));
    return { events, scanned: rows.length, end: rows.length > 0 ? encodePosition(rows[rows.length - 1]) : null };
  }

  waitForAppend(timeoutMs: number, since?: AppendMark): Promise<boolean> {
    return this.listener.wait(timeoutMs, since);
  }

  appendMark(): AppendMark {
    return this.listener.mark();
  }

  /** Closes the LISTEN connection; the pool belongs to the caller. */
  async close(): Promise<void> {
    await this.listener.close();
  }

  private statement(kind: string): string | undefined {
    return this.named ? `${kind}_${this.schema}` : undefined;
  }

  private async tryAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<Attempt> {
    const after = expectedNumber(expected);
    try {
      if (after === null) {
        const { rows } = await this.pool.query<{ stream_version: number }>({ name: this.statement('es_append_any'), text: this.sql.append.any, values: arrays(streamId, events) });
        return Math.min(...rows.map((row) => row.stream_version)) - 1;
      }
      const one = events.length === 1;
      const kind = after === -1 ? (one ? 'newStreamOne' : 'newStream') : one ? 'afterOne' : 'after';
      const values = one ? scalars(streamId, events[0]) : arrays(streamId, events);
      if (after >= 0) values.push(after);
      const { rowCount } = await this.pool.query({ name: this.statement(`es_append_${kind}`), text: this.sql.append[kind], values });
      return rowCount === events.length ? after : null;
    } catch (error) {
      // A writer that committed the same versions or ids first; the details are read next.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** A retry is answered as a duplicate; otherwise the stream's version now, for the conflict error. */
  private async settleConflict(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | number> {
    const ids = events.map((e) => e.eventId);
    const { rows } = await this.pool.query<{ version: number; stored: StoredId[] }>(this.sql.conflict, [streamId, ids]);
    return classifyStoredIds(streamId, ids, rows[0].stored) ?? rows[0].version;
  }

  private async appendNothing(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const actual = await this.streamVersion(streamId);
    const wanted = expectedNumber(expected);
    if (wanted !== null && wanted !== actual) throw new WrongExpectedVersionError(streamId, expected, actual);
    return { nextExpectedVersion: actual, duplicate: false };
  }

  private async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(this.sql.version, [streamId]);
    return rows[0].version;
  }
}

function arrays(streamId: string, events: readonly NewEvent[]): unknown[] {
  return [
    streamId,
    events.map((e) => e.eventId),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => JSON.stringify(e.metadata)),
  ];
}

function scalars(streamId: string, event: NewEvent): unknown[] {
  return [streamId, event.eventId, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata)];
}

function expectedNumber(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return -1;
  return expected;
}
