import {
  ANSWER_EVENT_TYPE,
  CLAIM_EVENT_TYPE,
  claimFate,
  claimFor,
  currentClaim,
  decideClaims,
  type Claim,
  type ClaimFate,
  type ClaimRequest,
  type ObservedClaim,
} from './event-id-claims';

const X = '0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const Y = '1c7a3b5f-2d4e-4f60-9bac-1d2e3f4a5b6c';
const Z = '2d8b4c60-3e5f-4071-acbd-2e3f4a5b6c7d';

/** An append of `ids` to file-1 expecting version 2, so its first event would take version 3. */
const request = (ids: readonly string[], atExpectedVersion = true): ClaimRequest => ({ streamId: 'file-1', eventIds: ids, firstVersion: 3, atExpectedVersion });

const seen = (claim: Claim, fate: ClaimFate, revision = 0n, answered = false): ObservedClaim => ({ record: { claim, revision, answered }, fate });

describe('what an append does, given the claims on its event ids', () => {
  describe('first appends', () => {
    it('ids nobody has claimed, on a stream at the expected version, are claimed as new claim streams and written', () => {
      expect(decideClaims(request([X, Y]), [null, null])).toEqual({
        kind: 'write',
        claims: [
          { index: 0, expectedRevision: 'no_stream' },
          { index: 1, expectedRevision: 'no_stream' },
        ],
      });
    });

    it('ids nobody has claimed, on a stream that has moved past the expected version, are a version conflict and claim nothing', () => {
      expect(decideClaims(request([X], false), [null])).toEqual({ kind: 'wrong-version' });
    });
  });

  describe('ids that belong to another stream', () => {
    it('an id stored in another stream is a conflict, even when the version would fit', () => {
      expect(decideClaims(request([X]), [seen(claimFor('file-2', [X], 0), 'stored')])).toEqual({ kind: 'conflict', eventIds: [X] });
    });

    it('an id claimed for another stream whose write has not landed is a conflict: that writer may still be on its way', () => {
      expect(decideClaims(request([X, Y]), [null, seen(claimFor('file-2', [Y], 0), 'pending')])).toEqual({ kind: 'conflict', eventIds: [Y] });
    });

    it('an id claimed for another stream where some other event took the claimed version is free again, taken over at its revision', () => {
      expect(decideClaims(request([X]), [seen(claimFor('file-2', [X], 0), 'dead', 4n)])).toEqual({
        kind: 'write',
        claims: [{ index: 0, expectedRevision: 4n }],
      });
    });

    it('a conflict wins over a version conflict, as PostgreSQL answers', () => {
      expect(decideClaims(request([X], false), [seen(claimFor('file-2', [X], 0), 'stored')])).toMatchObject({ kind: 'conflict' });
    });
  });

  describe('identical appends racing, and a writer that died between its claims and its write', () => {
    it('claims of this very batch at this very version that have not landed yet are completed: the events are written with no new claim', () => {
      const ours = claimFor('file-1', [X, Y], 3);
      expect(decideClaims(request([X, Y]), [seen(ours, 'pending'), seen(ours, 'pending')])).toEqual({ kind: 'write', claims: [] });
    });

    it('a writer that died halfway through its claims leaves the rest to be claimed by the retry', () => {
      const ours = claimFor('file-1', [X, Y], 3);
      expect(decideClaims(request([X, Y]), [seen(ours, 'pending'), null])).toEqual({
        kind: 'write',
        claims: [{ index: 1, expectedRevision: 'no_stream' }],
      });
    });

    it('ids written by a writer that died before answering are stored and unanswered: the retry is the one to answer', () => {
      const ours = claimFor('file-1', [X, Y], 3);
      const decision = decideClaims(request([X, Y], false), [seen(ours, 'stored', 0n), seen(ours, 'stored', 0n)]);
      expect(decision).toEqual({ kind: 'stored', nextExpectedVersion: 4, answer: { claim: ours, revision: 0n, answered: false } });
    });

    it('ids already answered for are a plain duplicate', () => {
      const ours = claimFor('file-1', [X], 3);
      expect(decideClaims(request([X], false), [seen(ours, 'stored', 2n, true)])).toMatchObject({
        kind: 'stored',
        answer: { revision: 2n, answered: true },
      });
    });

    it('a retry that arrives after later appends, expecting an older version, still finds its ids stored', () => {
      const earlier = claimFor('file-1', [X], 0);
      expect(decideClaims({ ...request([X], false), firstVersion: 0 }, [seen(earlier, 'stored')])).toMatchObject({
        kind: 'stored',
        nextExpectedVersion: 0,
      });
    });

    it('ids stored inside a larger batch are a duplicate that does not take part in answering that batch', () => {
      const larger = claimFor('file-1', [Z, X, Y], 2);
      expect(decideClaims(request([X, Y], false), [seen(larger, 'stored'), seen(larger, 'stored')])).toEqual({
        kind: 'stored',
        nextExpectedVersion: 4,
        answer: null,
      });
    });

    it('a pending claim of another batch at the same version is refused, since a live writer of that batch cannot be told from a dead one', () => {
      const other = claimFor('file-1', [X, Z], 3);
      expect(decideClaims(request([X, Y]), [seen(other, 'pending'), null])).toEqual({ kind: 'conflict', eventIds: [X] });
    });
  });

  describe('claims left behind by a write refused for its expected version', () => {
    it('do not block a later append of the same ids to the same stream: dead claims are taken over at their revisions', () => {
      const refused = claimFor('file-1', [X, Y], 1);
      expect(decideClaims(request([X, Y]), [seen(refused, 'dead', 0n), seen(refused, 'dead', 0n)])).toEqual({
        kind: 'write',
        claims: [
          { index: 0, expectedRevision: 0n },
          { index: 1, expectedRevision: 0n },
        ],
      });
    });

    it('do not make the event that took the claimed version look like a stored id', () => {
      expect(claimFate(claimFor('file-1', [X], 1), X, Z)).toBe('dead');
      expect(claimFate(claimFor('file-1', [X], 1), X, X.toUpperCase())).toBe('stored');
      expect(claimFate(claimFor('file-1', [X], 1), X, null)).toBe('pending');
    });
  });

  describe('batches only partly stored', () => {
    it('some ids stored here and others new is a conflict naming the stored ones, and nothing is written', () => {
      expect(decideClaims(request([X, Y]), [seen(claimFor('file-1', [X], 0), 'stored'), null])).toEqual({ kind: 'conflict', eventIds: [X] });
    });

    it('ids stored here but not side by side in this order are a conflict', () => {
      const first = claimFor('file-1', [Y], 0);
      const later = claimFor('file-1', [X], 5);
      expect(decideClaims(request([X, Y]), [seen(later, 'stored'), seen(first, 'stored')])).toMatchObject({ kind: 'conflict' });
    });
  });
});

describe("reading an id's claim stream", () => {
  const claim = claimFor('file-1', [X, Y], 3);
  const claimed = (revision: bigint, data: unknown = claim) => ({ type: CLAIM_EVENT_TYPE, data, revision });
  const answered = (revision: bigint) => ({ type: ANSWER_EVENT_TYPE, data: {}, revision });

  it('no claim stream is no claim', () => {
    expect(currentClaim([])).toBeNull();
  });

  it('the newest claim is the current one; the answer marker after it marks it answered', () => {
    expect(currentClaim([claimed(0n)])).toEqual({ claim, revision: 0n, answered: false });
    expect(currentClaim([answered(1n), claimed(0n)])).toEqual({ claim, revision: 0n, answered: true });
    const takenOver = claimFor('file-2', [X], 0);
    expect(currentClaim([claimed(1n, takenOver), claimed(0n)])).toEqual({ claim: takenOver, revision: 1n, answered: false });
  });

  it('claims are stored with lower-case ids, so ids compare whatever case the caller used', () => {
    expect(claimFor('file-1', [X.toUpperCase()], 0).eventIds).toEqual([X]);
  });

  it('anything this store did not write is refused rather than guessed at', () => {
    expect(() => currentClaim([answered(0n)])).toThrow(/claim/);
    expect(() => currentClaim([claimed(0n, { streamId: 'file-1', firstVersion: -1, eventIds: [X] })])).toThrow(/did not write/);
    expect(() => currentClaim([claimed(0n, { streamId: 'file-1', firstVersion: 0, eventIds: [] })])).toThrow(/did not write/);
    expect(() => currentClaim([{ type: 'FileOpened', data: {}, revision: 0n }])).toThrow(/FileOpened/);
  });
});
