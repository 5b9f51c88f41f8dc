/*
 * Client choice: @eventstore/db-client (6.x), the package the customer named.
 * Its renamed successor @kurrent/kurrentdb-client (1.x) mainly adds a
 * `kurrentdb://` scheme, reads through a native Rust add-on and a server-side
 * filter on `readAll`. The first two buy us nothing and a native binary is one
 * more thing to ship; the filter we apply on the client (see `readAll`), while
 * the long-running subscription is filtered on the server. Moving later is a
 * rename in this folder.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { assertNever } from '@cctv/kernel';
import { EventIdConflictError } from '../event-id-conflict.error';
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
import { AllStreamWaiter } from './all-stream-waiter';
import { isEsdbStreamNotFound, isEsdbWrongExpectedVersion } from './error-mapping';
import {
  ANSWER_EVENT_TYPE,
  CLAIM_EVENT_TYPE,
  claimFate,
  claimFor,
  currentClaim,
  decideClaims,
  versionOf,
  type ClaimRecord,
  type ClaimWrite,
  type ObservedClaim,
} from './event-id-claims';
import { fromEsdbEvent, toEventData } from './event-mapping';
import { followFilter, isOurs } from './follow-filter';
import { decodeEsdbPosition, readAllStart } from './log-position';
import { revisionToVersion, toExpectedRevision, versionToRevision } from './revision';
import { StreamNames } from './stream-names';

export interface EventStoreDbEventStoreOptions {
  /** Prepended to every stream name; `readAll` and `waitForAppend` then see only these streams. Default: none. */
  readonly streamPrefix?: string;
}

// 'any' appends are turned into appends at the version just read; losing a race means reading again.
const ANY_VERSION_ATTEMPTS = 10;
// $all also carries system events, which `readAll` skips: never ask for fewer than this per round trip.
const MIN_READ_ALL_BATCH = 100;
// Read-decide-write rounds of one append; a round is lost only to a concurrent append of some of the same ids.
const CLAIM_ROUNDS = 5;

/**
 * The event store on EventStoreDB: one stream per aggregate, the global log is $all.
 *
 * Event ids. The server recognises a repeated append by its ids only within
 * one stream and only while they are in its cache, answering plain success.
 * So each id is first claimed in a claim stream of its own, which makes an id
 * stored in another stream an `EventIdConflictError`, and exactly one of
 * several identical appends (racing, or retried after a crash) is told
 * `duplicate: false`. The protocol, its crash windows and what stays blocked
 * are set out in event-id-claims.ts. Claim streams live under the prefix but
 * are skipped by `readAll` and the waiter (StreamNames.ours).
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
    const outcome = await this.appendClaimed(streamId, events, expected === 'no_stream' ? -1 : expected);
    if (typeof outcome === 'number') throw new WrongExpectedVersionError(streamId, expected, outcome);
    return outcome;
  }

  private async appendAtAnyVersion(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    let version = await this.lastVersion(streamId);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.appendClaimed(streamId, events, version);
      if (typeof outcome !== 'number') return outcome;
      if (attempt >= ANY_VERSION_ATTEMPTS) throw new WrongExpectedVersionError(streamId, 'any', outcome);
      version = outcome;
    }
  }

  /** The append at `expected` (-1: no stream) under event-id claims; the stream's actual version when it is elsewhere. */
  private async appendClaimed(streamId: string, events: readonly NewEvent[], expected: number): Promise<AppendResult | number> {
    const ids = events.map((e) => e.eventId);
    for (let round = 1; ; round++) {
      const [atExpectedVersion, observed] = await Promise.all([this.standsAt(streamId, expected), this.observeClaims(ids)]);
      const decision = decideClaims({ streamId, eventIds: ids, firstVersion: expected + 1, atExpectedVersion }, observed);
      switch (decision.kind) {
        case 'conflict':
          throw new EventIdConflictError(streamId, decision.eventIds);
        case 'wrong-version':
          return this.lastVersion(streamId);
        case 'stored': {
          const first = decision.answer !== null && (await this.answer(ids[0], decision.answer));
          return { nextExpectedVersion: decision.nextExpectedVersion, duplicate: !first };
        }
        case 'write': {
          const written = await this.writeClaimed(streamId, events, expected, decision.claims, observed);
          if (written !== null) return written;
          break;
        }
        default:
          assertNever(decision);
      }
      if (round >= CLAIM_ROUNDS) throw new Error(`Stream ${streamId}: event-id claims still contended after ${CLAIM_ROUNDS} rounds`);
    }
  }

  /** Claims, then the events, then the answer marker; `null` when a concurrent append got in between (the next round looks again). */
  private async writeClaimed(
    streamId: string,
    events: readonly NewEvent[],
    expected: number,
    claims: readonly ClaimWrite[],
    observed: readonly (ObservedClaim | null)[],
  ): Promise<AppendResult | null> {
    const ids = events.map((e) => e.eventId);
    const claim = claimFor(streamId, ids, expected + 1);
    // Settled together, so a lost claim's siblings are in place (or not) before the next round reads them.
    const outcomes = await Promise.allSettled(
      claims.map((c) =>
        this.client.appendToStream(this.names.claim(ids[c.index]), jsonEvent({ id: randomUUID(), type: CLAIM_EVENT_TYPE, data: { ...claim } }), {
          expectedRevision: c.expectedRevision === 'no_stream' ? NO_STREAM : c.expectedRevision,
        }),
      ),
    );
    let firstRevision = observed[0]?.record.revision ?? null;
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'rejected') {
        if (isEsdbWrongExpectedVersion(outcome.reason)) return null;
        throw outcome.reason;
      }
      if (claims[i].index === 0) firstRevision = outcome.value.nextExpectedRevision;
    }
    let written: AppendResult;
    try {
      written = await this.write(streamId, events, expected < 0 ? 'no_stream' : expected);
    } catch (error) {
      if (isEsdbWrongExpectedVersion(error)) return null;
      throw error;
    }
    const first = await this.answer(ids[0], { revision: firstRevision!, answered: false });
    return { nextExpectedVersion: written.nextExpectedVersion, duplicate: !first };
  }

  /** Puts the answer marker after the claim of the batch's first id: `true` for the one caller that gets it in. */
  private async answer(firstId: string, record: Pick<ClaimRecord, 'revision' | 'answered'>): Promise<boolean> {
    if (record.answered) return false;
    try {
      await this.client.appendToStream(this.names.claim(firstId), jsonEvent({ id: randomUUID(), type: ANSWER_EVENT_TYPE, data: {} }), {
        expectedRevision: record.revision,
      });
      return true;
    } catch (error) {
      if (isEsdbWrongExpectedVersion(error)) return false;
      throw error;
    }
  }

  private async write(streamId: string, events: readonly NewEvent[], expected: number | 'no_stream'): Promise<AppendResult> {
    const result = await this.client.appendToStream(this.names.stored(streamId), events.map(toEventData), {
      expectedRevision: toExpectedRevision(expected),
    });
    return { nextExpectedVersion: revisionToVersion(result.nextExpectedRevision), duplicate: false };
  }

  /** The current claim of each id, with its fate read at the version it claims. */
  private observeClaims(ids: readonly string[]): Promise<(ObservedClaim | null)[]> {
    return Promise.all(
      ids.map(async (id) => {
        const newestFirst = (await this.readRaw(this.names.claim(id), END, BACKWARDS, 2)).map(({ type, data, revision }) => ({ type, data, revision }));
        const record = currentClaim(newestFirst);
        if (record === null) return null;
        const there = await this.readRaw(this.names.stored(record.claim.streamId), BigInt(versionOf(record.claim, id)), FORWARDS, 1);
        return { record, fate: claimFate(record.claim, id, there[0]?.id ?? null) };
      }),
    );
  }

  /** Whether the stream's last event is at `expected` (-1: the stream is empty). */
  private async standsAt(streamId: string, expected: number): Promise<boolean> {
    const name = this.names.stored(streamId);
    if (expected < 0) return (await this.readRaw(name, 0n, FORWARDS, 1)).length === 0;
    const from = await this.readRaw(name, versionToRevision(expected), FORWARDS, 2);
    return from.length === 1 && from[0].revision === versionToRevision(expected);
  }

  private async lastVersion(streamId: string): Promise<number> {
    const [last] = await this.readRaw(this.names.stored(streamId), END, BACKWARDS, 1);
    return last === undefined ? -1 : revisionToVersion(last.revision);
  }

  private async readRaw(name: string, fromRevision: bigint | typeof END, direction: typeof FORWARDS | typeof BACKWARDS, maxCount: number): Promise<EsdbRecordedEvent[]> {
    const found: EsdbRecordedEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(name, { fromRevision, direction, maxCount })) {
        if (event !== undefined) found.push(event);
      }
    } catch (error) {
      if (!isEsdbStreamNotFound(error)) throw error;
    }
    return found;
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
