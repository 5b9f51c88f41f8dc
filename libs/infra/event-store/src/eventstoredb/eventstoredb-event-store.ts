/*
 * Client choice: @eventstore/db-client (6.x), the package the customer named.
 * Its renamed successor @kurrent/kurrentdb-client (1.x) mainly adds a
 * `kurrentdb://` scheme, reads through a native Rust add-on and a server-side
 * filter on `readAll`. The first two buy us nothing and a native binary is one
 * more thing to ship; the filter we apply on the client (see `readAll`), while
 * the long-running subscription is filtered on the server. Moving later is a
 * rename in this folder.
 */
import { EventStoreDBClient, FORWARDS, type Position } from '@eventstore/db-client';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
  type StreamRead,
} from '../event-store.port';
import { assertAppendable } from '../new-events.guard';
import { classifyStoredIds } from '../retried-append';
import { AllStreamWaiter } from './all-stream-waiter';
import { isEsdbStreamNotFound, isEsdbWrongExpectedVersion, toPortError } from './error-mapping';
import { fromEsdbEvent, toEventData } from './event-mapping';
import { followFilter, isOurs } from './follow-filter';
import { decodeEsdbPosition, readAllStart } from './log-position';
import { firstRevisionAfter, revisionToVersion, toExpectedRevision } from './revision';
import { StreamNames } from './stream-names';

export interface EventStoreDbEventStoreOptions {
  /** Prepended to every stream name; `readAll` and `waitForAppend` then see only these streams. Default: none. */
  readonly streamPrefix?: string;
}

// 'any' appends are turned into appends at the version just read; losing a race means reading again.
const ANY_VERSION_ATTEMPTS = 10;
// $all also carries system events, which `readAll` skips: never ask for fewer than this per round trip.
const MIN_READ_ALL_BATCH = 100;

/**
 * The event store on EventStoreDB: one stream per aggregate, the global log is $all.
 *
 * Retried appends. The server recognises a repeated append by its event ids
 * only while they are in its idempotency cache (recent writes), and then
 * answers success, indistinguishable from a first write. So before writing,
 * the revisions the append would take are read: when they already hold
 * exactly our ids in our order the append was a retry (`duplicate: true`);
 * some of our ids elsewhere is an `EventIdConflictError`. The same check runs
 * again when the server refuses the expected version, since another writer may
 * have been the earlier attempt. Two identical appends racing each other are
 * stored once, but both may be answered `duplicate: false` when the server's
 * cache absorbs the second. Unlike PostgreSQL, an id reused in another stream
 * is not detected: EventStoreDB keys ids per stream.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly names: StreamNames;
  private readonly waiter: AllStreamWaiter;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
    private readonly ownsClient = false,
  ) {
    this.names = new StreamNames(options.streamPrefix);
    this.waiter = new AllStreamWaiter(client, followFilter(this.names), (event) => isOurs(this.names, event));
  }

  /** A store with a client of its own, disposed by `close`. */
  static connect(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options, true);
  }

  async readStream<Data = unknown>(streamId: string): Promise<StreamRead<Data>> {
    const events = await this.readFrom<Data>(streamId, 0n);
    return { version: events.length === 0 ? -1 : events[events.length - 1].streamVersion, events };
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(streamId, events);
    if (events.length === 0) return this.appendNothing(streamId, expected);
    if (expected === 'any') return this.appendAtAnyVersion(streamId, events);
    return this.appendAt(streamId, events, expected);
  }

  async readAll(after: LogPosition | null, limit: number): Promise<readonly RecordedEvent[]> {
    if (limit <= 0) return [];
    const found: RecordedEvent[] = [];
    let start = readAllStart(after === null ? null : decodeEsdbPosition(after));
    for (;;) {
      // One more than needed, since the start itself comes back and is dropped.
      const batch = Math.max(limit - found.length + 1, MIN_READ_ALL_BATCH);
      let seen = 0;
      let last: Position | null = null;
      for await (const { event } of this.client.readAll({ fromPosition: start.fromPosition, maxCount: batch, direction: FORWARDS })) {
        seen++;
        if (event === undefined) continue;
        last = event.position;
        if (!start.isPast(event.position) || !isOurs(this.names, event)) continue;
        found.push(fromEsdbEvent(event, this.names.ours(event.streamId)!));
        if (found.length === limit) break;
      }
      if (found.length === limit || seen < batch || last === null) break;
      start = readAllStart(last); // a batch of system or other services' events: go on after it
    }
    const end = found[found.length - 1];
    if (end !== undefined) this.waiter.noteKnown(decodeEsdbPosition(end.position));
    return found;
  }

  waitForAppend(timeoutMs: number): Promise<boolean> {
    return this.waiter.wait(timeoutMs);
  }

  async close(): Promise<void> {
    await this.waiter.close();
    if (this.ownsClient) await this.client.dispose();
  }

  private async appendAt(streamId: string, events: readonly NewEvent[], expected: number | 'no_stream'): Promise<AppendResult> {
    const retried = await this.earlierAttempt(streamId, events, expected);
    if (retried !== null) return retried;
    try {
      return await this.write(streamId, events, expected);
    } catch (error) {
      if (!isEsdbWrongExpectedVersion(error)) throw error;
      const raced = await this.earlierAttempt(streamId, events, expected);
      if (raced !== null) return raced;
      throw toPortError(error, streamId, expected);
    }
  }

  private async appendAtAnyVersion(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    const ids = events.map((e) => e.eventId);
    for (let attempt = 1; ; attempt++) {
      // The whole stream, since a retried 'any' append may sit at any version; our streams are per aggregate and short.
      const { version, events: stored } = await this.readStream(streamId);
      const retried = classifyStoredIds(streamId, ids, stored.filter((e) => includesId(ids, e.eventId)));
      if (retried !== null) return retried;
      try {
        return await this.write(streamId, events, version);
      } catch (error) {
        if (!isEsdbWrongExpectedVersion(error)) throw error;
        if (attempt >= ANY_VERSION_ATTEMPTS) throw toPortError(error, streamId, 'any');
      }
    }
  }

  private async write(streamId: string, events: readonly NewEvent[], expected: number | 'no_stream'): Promise<AppendResult> {
    const result = await this.client.appendToStream(this.names.stored(streamId), events.map(toEventData), {
      expectedRevision: toExpectedRevision(expected),
    });
    return { nextExpectedVersion: revisionToVersion(result.nextExpectedRevision), duplicate: false };
  }

  /** A duplicate answer when the revisions this append would take already hold its ids; `null` when they hold none of them. */
  private async earlierAttempt(streamId: string, events: readonly NewEvent[], expected: number | 'no_stream'): Promise<AppendResult | null> {
    const ids = events.map((e) => e.eventId);
    const from = firstRevisionAfter(expected)!;
    const there = await this.readFrom(streamId, from, events.length);
    return classifyStoredIds(streamId, ids, there.filter((e) => includesId(ids, e.eventId)));
  }

  private async appendNothing(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const actual = (await this.readStream(streamId)).version;
    const wanted = expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
    if (wanted !== null && wanted !== actual) throw new WrongExpectedVersionError(streamId, expected, actual);
    return { nextExpectedVersion: actual, duplicate: false };
  }

  private async readFrom<Data>(streamId: string, fromRevision: bigint, maxCount?: number): Promise<RecordedEvent<Data>[]> {
    const events: RecordedEvent<Data>[] = [];
    try {
      const read = this.client.readStream(this.names.stored(streamId), { fromRevision, direction: FORWARDS, ...(maxCount === undefined ? {} : { maxCount }) });
      for await (const { event } of read) {
        if (event !== undefined) events.push(fromEsdbEvent<Data>(event, streamId));
      }
    } catch (error) {
      if (!isEsdbStreamNotFound(error)) throw error;
    }
    return events;
  }
}

function includesId(ids: readonly string[], id: string): boolean {
  const lower = id.toLowerCase();
  return ids.some((candidate) => candidate.toLowerCase() === lower);
}
