import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent,
} from '@eventstore/db-client';

/**
 * Just enough of an EventStoreDB for unit tests of the adapter's append
 * protocol: streams with expected revisions, $all, and the server's answer to
 * a repeated write (the same ids at the revisions an expected revision points
 * to are accepted again as success). Every call yields first, so concurrent
 * appends interleave. A model of the documented behaviour, not the server.
 */
export class InMemoryEsdbClient {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly all: RecordedEvent[] = [];
  /** Called before each append lands; throw from it to stand for a writer that dies there. */
  beforeAppend: (streamName: string) => void = () => undefined;

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async appendToStream(streamName: string, data: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) {
    await tick();
    this.beforeAppend(streamName);
    const events = Array.isArray(data) ? data : [data];
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const expected = options.expectedRevision ?? ANY;
    const expectedNumber = expected === NO_STREAM ? -1 : expected === ANY ? current : Number(expected);
    if (expected !== ANY && expectedNumber !== current) {
      const repeated = expectedNumber < current && events.every((e, i) => stream[expectedNumber + 1 + i]?.id === e.id);
      if (repeated) return { success: true, nextExpectedRevision: BigInt(expectedNumber + events.length), position: undefined };
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: expected as bigint,
        current: current < 0 ? NO_STREAM : BigInt(current),
      });
    }
    for (const e of events) {
      const n = BigInt(this.all.length);
      const recorded = {
        streamId: streamName,
        id: e.id,
        revision: BigInt(stream.length),
        type: e.type,
        isJson: true,
        created: new Date(0),
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: JSON.parse(JSON.stringify(e.metadata ?? {})),
        position: { commit: n, prepare: n },
      } as unknown as RecordedEvent;
      stream.push(recorded);
      this.all.push(recorded);
    }
    this.streams.set(streamName, stream);
    return { success: true, nextExpectedRevision: BigInt(stream.length - 1), position: undefined };
  }

  async *readStream(streamName: string, options: { fromRevision?: ReadRevision; direction?: string; maxCount?: number | bigint } = {}) {
    await tick();
    const stream = this.streams.get(streamName);
    if (stream === undefined) throw new StreamNotFoundError(undefined, streamName);
    const backwards = options.direction === BACKWARDS;
    const from = options.fromRevision;
    let start = from === undefined || from === START ? 0 : from === END ? stream.length - 1 : Number(from);
    if (from === undefined && backwards) start = stream.length - 1;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const out: RecordedEvent[] = [];
    for (let i = start; i >= 0 && i < stream.length && out.length < max; i += backwards ? -1 : 1) out.push(stream[i]);
    for (const event of out) yield { event };
  }

  async *readAll(options: { fromPosition?: ReadPosition; maxCount?: number | bigint } = {}) {
    await tick();
    const from = options.fromPosition;
    const start = from === undefined || from === START ? 0 : from === END ? this.all.length : Number((from as Position).commit);
    for (const event of this.all.slice(start, start + Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event };
  }

  async dispose(): Promise<void> {}
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
