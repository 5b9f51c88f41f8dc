import { randomUUID } from 'node:crypto';
import { EventIdConflictError } from './event-id-conflict.error';
import { readAllExcept } from './log-window';
import { WrongExpectedVersionError, type EventStore, type LogPosition, type NewEvent, type RecordedEvent } from './event-store.port';

export interface StoreUnderTest {
  readonly store: EventStore;
  readonly cleanup: () => Promise<void>;
}

/**
 * The rules every EventStore adapter keeps; each adapter's test file runs this
 * suite. An adapter whose server is absent passes `skipReason`: the suite is
 * reported as skipped, with the reason printed by whoever found it.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>, skipReason: string | null = null): void {
  (skipReason ? describe.skip : describe)(`${name} event store contract`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    /**
     * The global log may hold a just-committed event back for a moment when an
     * unrelated transaction commits at the same instant (its bound is cautious,
     * never lossy); a follower simply reads again. Tests that read right after
     * writing wait, as a follower would, until `count` events are readable.
     */
    const settled = async (after: LogPosition | null, count: number): Promise<void> => {
      for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
        if ((await store.readAll(after, count + 1)).length >= count) return;
      }
    };

    describe('appending and reading a stream', () => {
      it('a new stream reads as version -1 with no events', async () => {
        expect(await store.readStream('file-1')).toEqual({ version: -1, events: [] });
      });

      it('reads back what was appended: data, ids, type, schema version and every metadata field', async () => {
        const opened = newEvent('FileOpened', { owner: 'Zahra', premises: 'shared-building' }, { causationId: null });
        const documented = newEvent('DocumentsHandedIn', { count: 3 }, { causationId: opened.eventId, personId: 'clerk-7' });

        const result = await store.appendToStream('file-1', [opened, documented], 'no_stream');

        expect(result).toEqual({ nextExpectedVersion: 1, duplicate: false });
        const read = await store.readStream('file-1');
        expect(read.version).toBe(1);
        expect(read.events.map(withoutPosition)).toEqual([
          { ...opened, streamId: 'file-1', streamVersion: 0 },
          { ...documented, streamId: 'file-1', streamVersion: 1 },
        ]);
      });

      it('keeps streams apart', async () => {
        await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
        await store.appendToStream('file-2', [newEvent('B')], 'no_stream');
        expect((await store.readStream('file-1')).events.map((e) => e.type)).toEqual(['A']);
        expect((await store.readStream('file-2')).events.map((e) => e.type)).toEqual(['B']);
      });

      it("an append with 'any' lands after whatever is there", async () => {
        await store.appendToStream('file-1', [newEvent('A')], 'any');
        const result = await store.appendToStream('file-1', [newEvent('B'), newEvent('C')], 'any');
        expect(result.nextExpectedVersion).toBe(2);
        expect((await store.readStream('file-1')).events.map((e) => [e.type, e.streamVersion])).toEqual([
          ['A', 0],
          ['B', 1],
          ['C', 2],
        ]);
      });
    });

    describe('expected versions', () => {
      it('an append expecting a stale version is refused and writes nothing', async () => {
        await store.appendToStream('file-1', [newEvent('A'), newEvent('B')], 'no_stream');
        await expectWrongVersion(store.appendToStream('file-1', [newEvent('C')], 0), 1);
        expect((await store.readStream('file-1')).version).toBe(1);
      });

      it("an append expecting 'no_stream' on an existing stream is refused", async () => {
        await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
        await expectWrongVersion(store.appendToStream('file-1', [newEvent('B')], 'no_stream'), 0);
        await expectWrongVersion(store.appendToStream('file-1', [newEvent('B')], -1), 0);
      });

      it('an append expecting a version of a missing stream is refused', async () => {
        await expectWrongVersion(store.appendToStream('file-1', [newEvent('A')], 0), -1);
        expect(await store.readStream('file-1')).toEqual({ version: -1, events: [] });
      });

      describe.each([1, 3])('appends of %i event(s)', (size) => {
        const events = () => Array.from({ length: size }, (_, i) => newEvent(`E${i}`));

        it('land right after the expected version, and the answer is the new version', async () => {
          expect(await store.appendToStream('file-1', events(), 'no_stream')).toEqual({ nextExpectedVersion: size - 1, duplicate: false });
          expect(await store.appendToStream('file-1', events(), size - 1)).toEqual({ nextExpectedVersion: 2 * size - 1, duplicate: false });
          expect(await store.appendToStream('file-1', events(), 'any')).toEqual({ nextExpectedVersion: 3 * size - 1, duplicate: false });
          expect((await store.readStream('file-1')).events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 3 * size }, (_, i) => i));
        });

        it('expecting a version behind, ahead of or missing from the stream are refused and write nothing', async () => {
          await store.appendToStream('file-1', [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
          for (const expected of [0, 1, 3, 7, 'no_stream'] as const) await expectWrongVersion(store.appendToStream('file-1', events(), expected), 2);
          await expectWrongVersion(store.appendToStream('file-2', events(), 0), -1);
          expect((await store.readStream('file-1')).version).toBe(2);
          expect((await store.readStream('file-2')).version).toBe(-1);
        });

        it('retried after success, whatever was expected, are duplicates', async () => {
          const batch = events();
          await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
          await store.appendToStream('file-1', batch, 0);
          expect(await store.appendToStream('file-1', batch, 0)).toEqual({ nextExpectedVersion: size, duplicate: true });
          expect(await store.appendToStream('file-1', batch, 'any')).toEqual({ nextExpectedVersion: size, duplicate: true });
          expect((await store.readStream('file-1')).version).toBe(size);
        });
      });

      it('of two concurrent appends expecting the same version exactly one wins', async () => {
        await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
        const outcomes = await Promise.allSettled([
          store.appendToStream('file-1', [newEvent('B')], 0),
          store.appendToStream('file-1', [newEvent('C')], 0),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.readStream('file-1')).version).toBe(1);
      });
    });

    describe('retried appends', () => {
      it('an append retried with the same event ids is reported as a duplicate and stored once', async () => {
        const events = [newEvent('A'), newEvent('B')];
        await store.appendToStream('file-1', events, 'no_stream');

        const retry = await store.appendToStream('file-1', events, 'no_stream');

        expect(retry).toEqual({ nextExpectedVersion: 1, duplicate: true });
        expect((await store.readStream('file-1')).events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
        await settled(null, 2);
        expect(await store.readAll(null, 100)).toHaveLength(2);
      });

      it('a retry that arrives after later appends is still a duplicate', async () => {
        const first = [newEvent('A')];
        await store.appendToStream('file-1', first, 'no_stream');
        await store.appendToStream('file-1', [newEvent('B')], 0);
        expect(await store.appendToStream('file-1', first, 'no_stream')).toEqual({ nextExpectedVersion: 0, duplicate: true });
        expect((await store.readStream('file-1')).version).toBe(1);
      });

      it('two identical retries racing each other store the events once', async () => {
        const events = [newEvent('A'), newEvent('B')];
        const results = await Promise.all([
          store.appendToStream('file-1', events, 'no_stream'),
          store.appendToStream('file-1', events, 'no_stream'),
        ]);
        expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
        expect((await store.readStream('file-1')).version).toBe(1);
      });

      it('event ids already stored in another stream are refused, not taken for a retry', async () => {
        const event = newEvent('A');
        await store.appendToStream('file-1', [event], 'no_stream');
        await expect(store.appendToStream('file-2', [event], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
        expect((await store.readStream('file-2')).version).toBe(-1);
      });

      it('a batch where only some ids are already stored is refused and writes nothing', async () => {
        const stored = newEvent('A');
        await store.appendToStream('file-1', [stored], 'no_stream');
        await expect(store.appendToStream('file-1', [stored, newEvent('B')], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
        expect((await store.readStream('file-1')).version).toBe(0);
      });

      it('a batch naming the same event id twice is refused', async () => {
        const event = newEvent('A');
        await expect(store.appendToStream('file-1', [event, event], 'no_stream')).rejects.toThrow(/twice/);
      });
    });

    describe('the global log', () => {
      it('pages through every event in append order, starting after the given position', async () => {
        await store.appendToStream('file-1', [newEvent('A1'), newEvent('A2')], 'no_stream');
        await store.appendToStream('file-2', [newEvent('B1')], 'no_stream');
        await store.appendToStream('file-1', [newEvent('A3')], 1);
        await store.appendToStream('file-3', [newEvent('C1'), newEvent('C2')], 'no_stream');

        await settled(null, 6);
        const pages: string[][] = [];
        let after: LogPosition | null = null;
        for (;;) {
          const page: readonly RecordedEvent[] = await store.readAll(after, 2);
          if (page.length === 0) break;
          pages.push(page.map((e) => e.type));
          after = page[page.length - 1].position;
        }

        expect(pages).toEqual([['A1', 'A2'], ['B1', 'A3'], ['C1', 'C2']]);
      });

      it('a window without some streams covers the same stretch of the log, so a follower moves past what it left out', async () => {
        await store.appendToStream('inbox-x', [newEvent('I1')], 'no_stream');
        await store.appendToStream('file-1', [newEvent('A1'), newEvent('A2')], 'no_stream');
        await store.appendToStream('inbox-y', [newEvent('I2'), newEvent('I3')], 'no_stream');
        await store.appendToStream('file-2', [newEvent('B1')], 'no_stream');
        await store.appendToStream('inbox-x', [newEvent('I4')], 0);
        await settled(null, 7);

        const windows: { types: string[]; scanned: number }[] = [];
        let after: LogPosition | null = null;
        for (;;) {
          const window = await readAllExcept(store, after, 3, 'inbox-');
          const whole = await store.readAll(after, 3);
          expect(window.end).toBe(whole.length > 0 ? whole[whole.length - 1].position : null);
          expect(window.events).toEqual(whole.filter((e) => !e.streamId.startsWith('inbox-')));
          if (window.scanned === 0) break;
          windows.push({ types: window.events.map((e) => e.type), scanned: window.scanned });
          after = window.end;
        }

        expect(windows).toEqual([
          { types: ['A1', 'A2'], scanned: 3 },
          { types: ['B1'], scanned: 3 },
          { types: [], scanned: 1 },
        ]);
      });

      it('a follower restarting from a saved position sees only what came after it', async () => {
        await store.appendToStream('file-1', [newEvent('A'), newEvent('B')], 'no_stream');
        await settled(null, 1);
        const checkpoint = (await store.readAll(null, 1))[0].position;
        await store.appendToStream('file-2', [newEvent('C')], 'no_stream');
        await settled(checkpoint, 2);
        expect((await store.readAll(checkpoint, 10)).map((e) => e.type)).toEqual(['B', 'C']);
      });

      it('the position of an event read from its stream is where the global log has it', async () => {
        await store.appendToStream('file-1', [newEvent('A'), newEvent('B')], 'no_stream');
        const fromStream = (await store.readStream('file-1')).events.map((e) => e.position);
        await settled(null, 2);
        expect((await store.readAll(null, 10)).map((e) => e.position)).toEqual(fromStream);
      });

      it('a waiting follower is woken by an append', async () => {
        if (!store.waitForAppend) return;
        await store.waitForAppend(1); // lets an adapter open its listener first
        const woken = store.waitForAppend(5_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
        expect(await woken).toBe(true);
      });

      it('an append between a follower taking its mark and its wait ends that wait at once; with nothing since, it waits', async () => {
        if (!store.waitForAppend || !store.appendMark) return;
        await store.waitForAppend(1); // lets an adapter open its listener first
        const before = store.appendMark();
        await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
        const outcome = await Promise.race([
          store.waitForAppend(60_000, before),
          new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2_000)),
        ]);
        expect(outcome).toBe(true);
        expect(await store.waitForAppend(30, store.appendMark())).toBe(false);
      });

      it('a waiting follower with nothing appended returns after its timeout', async () => {
        if (!store.waitForAppend) return;
        expect(await store.waitForAppend(30)).toBe(false);
      });

      it(
        'while many writers commit concurrently, a follower sees every event exactly once and each stream in version order',
        async () => {
          const writers = 16;
          const appendsPerWriter = 200;
          let written = 0;
          let writing = true;

          const write = async (writer: number) => {
            const own = new Map<string, number>();
            for (let i = 0; i < appendsPerWriter; i++) {
              const batch = i % 5 === 0 ? [newEvent('E'), newEvent('E'), newEvent('E')] : [newEvent('E')];
              if (i % 10 === 0) {
                await appendWithRetry(store, `shared-${i % 3}`, batch);
              } else {
                const streamId = `writer-${writer}-${i % 10}`;
                const version = own.get(streamId) ?? -1;
                await store.appendToStream(streamId, batch, version);
                own.set(streamId, version + batch.length);
              }
              written += batch.length;
            }
          };

          const seen: RecordedEvent[] = [];
          let drainDeadline = Infinity; // set when the writers are done: a follower that skipped would wait forever
          const follow = async () => {
            let after: LogPosition | null = null;
            while ((writing || seen.length < written) && Date.now() < drainDeadline) {
              const page: readonly RecordedEvent[] = await store.readAll(after, 250);
              if (page.length > 0) {
                seen.push(...page);
                after = page[page.length - 1].position;
              } else {
                await new Promise((resolve) => setTimeout(resolve, 2));
              }
            }
          };

          const following = follow();
          await Promise.all(Array.from({ length: writers }, (_, w) => write(w)));
          writing = false;
          drainDeadline = Date.now() + 5_000;
          await following;

          expect(new Set(seen.map((e) => e.eventId)).size).toBe(seen.length);
          expect(seen.length).toBe(written);
          const lastVersion = new Map<string, number>();
          for (const event of seen) {
            expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? -1) + 1);
            lastVersion.set(event.streamId, event.streamVersion);
          }
        },
        60_000,
      );
    });
  });
}

let counter = 0;

export function newEvent(
  type: string,
  data: unknown = { n: ++counter },
  meta: { causationId?: string | null; personId?: string } = {},
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      occurredAt: '2025-03-21T08:30:00.000Z',
      correlationId: randomUUID(),
      causationId: meta.causationId ?? null,
      actor: { personId: meta.personId ?? 'clerk-1', role: 'union-clerk' },
    },
  };
}

/** Several writers share the stream: on a conflict, try again after the version the store reported. */
async function appendWithRetry(store: EventStore, streamId: string, events: readonly NewEvent[]): Promise<void> {
  let expected = -1;
  for (;;) {
    try {
      await store.appendToStream(streamId, events, expected);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      expected = error.actual;
    }
  }
}

async function expectWrongVersion(append: Promise<unknown>, actual: number): Promise<void> {
  const error = await append.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect((error as WrongExpectedVersionError).actual).toBe(actual);
}

function withoutPosition({ position: _position, ...rest }: RecordedEvent): Omit<RecordedEvent, 'position'> {
  return rest;
}
