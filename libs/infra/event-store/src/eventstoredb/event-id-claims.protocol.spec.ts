import { describeEventStoreContract, newEvent } from '../event-store.contract';
import { EventIdConflictError } from '../event-id-conflict.error';
import { WrongExpectedVersionError, type EventStore } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEsdbClient } from './in-memory-esdb-client';

/*
 * The claim protocol end to end, against an in-memory model of the server
 * (it has no subscriptions, so the waiting-follower cases are left out). This
 * checks the adapter's reads and writes fit together; it says nothing about
 * the real server, for which eventstoredb-event-store.it.ts runs the contract.
 */

function storeOn(server: InMemoryEsdbClient, prefix = 'union.'): EventStore {
  const store = new EventStoreDbEventStore(server.asClient(), { streamPrefix: prefix });
  return {
    readStream: (streamId) => store.readStream(streamId),
    appendToStream: (streamId, events, expected) => store.appendToStream(streamId, events, expected),
    readAll: (after, limit) => store.readAll(after, limit),
  };
}

describeEventStoreContract('EventStoreDB adapter on an in-memory server model', async () => ({
  store: storeOn(new InMemoryEsdbClient()),
  cleanup: async () => undefined,
}));

describe('event-id claims through crashes', () => {
  let server: InMemoryEsdbClient;
  let store: EventStore;
  beforeEach(() => {
    server = new InMemoryEsdbClient();
    store = storeOn(server);
  });

  /** Lets the next append to a stream whose name matches `where` fail as if the writer died just then. */
  const dieBefore = (where: RegExp) => {
    server.beforeAppend = (name) => {
      if (!where.test(name)) return;
      server.beforeAppend = () => undefined;
      throw new Error('writer died');
    };
  };

  it('a writer that died after its claims but before its write: the retry completes the append and is told it was not a duplicate', async () => {
    const events = [newEvent('A'), newEvent('B')];
    dieBefore(/^union\.file-1$/);
    await expect(store.appendToStream('file-1', events, 'no_stream')).rejects.toThrow('writer died');
    expect((await store.readStream('file-1')).version).toBe(-1);

    expect(await store.appendToStream('file-1', events, 'no_stream')).toEqual({ nextExpectedVersion: 1, duplicate: false });
    expect((await store.readStream('file-1')).events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(await store.appendToStream('file-1', events, 'no_stream')).toEqual({ nextExpectedVersion: 1, duplicate: true });
  });

  it('a writer that died halfway through its claims: the retry claims the rest and completes', async () => {
    const events = [newEvent('A'), newEvent('B')];
    dieBefore(new RegExp(`eventid-${events[1].eventId}$`));
    await expect(store.appendToStream('file-1', events, 'no_stream')).rejects.toThrow('writer died');
    expect(await store.appendToStream('file-1', events, 'no_stream')).toEqual({ nextExpectedVersion: 1, duplicate: false });
  });

  it('a writer that died after its write but before answering: the retry answers, once', async () => {
    const events = [newEvent('A')];
    // The first append to the id's claim stream is the claim; die on the second, the answer marker.
    server.beforeAppend = (() => {
      let claimSeen = false;
      return (name: string) => {
        if (!name.endsWith(`eventid-${events[0].eventId}`)) return;
        if (!claimSeen) {
          claimSeen = true;
          return;
        }
        server.beforeAppend = () => undefined;
        throw new Error('writer died');
      };
    })();
    await expect(store.appendToStream('file-1', events, 'no_stream')).rejects.toThrow('writer died');
    expect((await store.readStream('file-1')).version).toBe(0);

    const retries = await Promise.all([store.appendToStream('file-1', events, 'no_stream'), store.appendToStream('file-1', events, 'no_stream')]);
    expect(retries.map((r) => r.duplicate).sort()).toEqual([false, true]);
  });

  it('claims left by a write refused for its version neither block the same ids later nor make the winner a duplicate', async () => {
    await store.appendToStream('file-1', [newEvent('A')], 'no_stream');
    const winner = [newEvent('Winner')];
    const refused = [newEvent('Refused')];
    // Both read version 0 and claim; the one started first writes first.
    const [won, lost] = await Promise.allSettled([store.appendToStream('file-1', winner, 0), store.appendToStream('file-1', refused, 0)]);
    expect(won).toEqual({ status: 'fulfilled', value: { nextExpectedVersion: 1, duplicate: false } });
    expect(lost.status === 'rejected' && lost.reason).toBeInstanceOf(WrongExpectedVersionError);

    expect(await store.appendToStream('file-1', refused, 1)).toEqual({ nextExpectedVersion: 2, duplicate: false });
    expect(await store.appendToStream('file-1', winner, 0)).toEqual({ nextExpectedVersion: 1, duplicate: true });
    expect((await store.readStream('file-1')).events.map((e) => e.type)).toEqual(['A', 'Winner', 'Refused']);
  });

  it('an id claimed for another stream whose write has not landed is refused there', async () => {
    const event = newEvent('A');
    dieBefore(/^union\.file-1$/);
    await expect(store.appendToStream('file-1', [event], 'no_stream')).rejects.toThrow('writer died');
    await expect(store.appendToStream('file-2', [event], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
  });

  it('claim streams and answer markers never reach readAll', async () => {
    await store.appendToStream('file-1', [newEvent('A'), newEvent('B')], 'no_stream');
    expect((await store.readAll(null, 100)).map((e) => e.type)).toEqual(['A', 'B']);
  });
});
