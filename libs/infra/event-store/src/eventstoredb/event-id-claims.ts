import { EventIdConflictError } from '../event-id-conflict.error';
import { classifyStoredIds, type StoredId } from '../retried-append';

/*
 * Event-id claims: what EventStoreDB lacks, made of streams.
 *
 * EventStoreDB keys event ids per stream and forgets them after a while, so it
 * can neither refuse an id stored in another stream nor tell which of two
 * identical racing appends came first. Every event id therefore gets a claim
 * stream (see StreamNames.claim) holding a short log:
 *
 *   EventIdClaimed   { streamId, firstVersion, eventIds }  the batch this id goes with
 *   EventIdClaimed   ...                                   a takeover, only once the one before is dead
 *   EventIdAppendAnswered                                  only in the batch's first id's stream
 *
 * An append reads the claims of its ids, decides (`decideClaims`), writes the
 * claims it needs with an expected revision (NO_STREAM for a new one), then
 * writes the events at the expected version, then appends the answer marker
 * to the first id's claim stream at the revision of its claim. Exactly one
 * caller gets that marker in: it answers `duplicate: false`, every other
 * caller `duplicate: true`. The real write cannot be the arbiter, because the
 * server answers a repeated write of the same ids with plain success. Claim
 * and marker events get random ids for the same reason: with fixed ids a
 * second NO_STREAM claim would be taken for a repeat and succeed.
 *
 * A claim names a version that was the stream's next one when it was made (the
 * stream is read first and nothing is claimed when the expected version is not
 * the current one), and versions only grow. So looking at the claimed version
 * tells the claim's fate for good, except while it is still empty:
 *
 *   the id is there          stored:  never replaced, a later append of it is a duplicate or a conflict
 *   another event is there   dead:    its batch can never be written (the write expects the version
 *                                     before), so anyone may claim the id again, for any stream
 *   nothing there yet        pending: the writer may be on its way, or gone. An identical batch at the
 *                                     same version helps: it writes the events too (the server keeps one
 *                                     copy) and races for the answer marker; anything else is refused
 *
 * Crash windows. Claims written, then the writer dies: an identical retry
 * finds its claims pending and completes the append, and, since nobody has
 * answered yet, it is the one told `duplicate: false`. Events written, then the
 * writer dies before the marker: the retry finds them stored and unanswered and
 * answers `false` in its place. Claims written, then the real write refused
 * (wrong expected version): some other event now sits at the claimed version,
 * so the claims are dead; they block neither a later append of the same ids
 * (it takes the claims over) nor make another event look like a duplicate
 * (the id at the version is compared, not the version's presence).
 * What stays blocked: a pending claim whose writer died, looked at by a
 * *different* batch (another stream, or other ids at that version), is refused
 * until the claimed stream moves on, as it cannot be told from a live writer.
 */

export const CLAIM_EVENT_TYPE = 'EventIdClaimed';
export const ANSWER_EVENT_TYPE = 'EventIdAppendAnswered';

/** The batch an event id was claimed for. */
export interface Claim {
  readonly streamId: string;
  readonly firstVersion: number;
  readonly eventIds: readonly string[]; // lower case, in append order
}

/** The current claim in one id's claim stream. */
export interface ClaimRecord {
  readonly claim: Claim;
  /** Revision of the claim event: a takeover, or the answer marker, expects it. */
  readonly revision: bigint;
  readonly answered: boolean;
}

export type ClaimFate = 'stored' | 'pending' | 'dead';

export interface ObservedClaim {
  readonly record: ClaimRecord;
  readonly fate: ClaimFate;
}

export interface ClaimRequest {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  /** The version the first event would take (expected version + 1). */
  readonly firstVersion: number;
  /** The stream stood at the expected version when read. */
  readonly atExpectedVersion: boolean;
}

/** Which claim stream to write and at what revision: 'no_stream' for a new claim, else the dead claim's revision. */
export interface ClaimWrite {
  readonly index: number;
  readonly expectedRevision: 'no_stream' | bigint;
}

export type ClaimDecision =
  | { readonly kind: 'conflict'; readonly eventIds: readonly string[] }
  | { readonly kind: 'wrong-version' }
  /** Write these claims (none when an identical batch already claimed every id), then the events. */
  | { readonly kind: 'write'; readonly claims: readonly ClaimWrite[] }
  /**
   * Every id is already stored here, as this batch or inside a larger one.
   * `answer` is the first id's claim when the stored batch is exactly this one
   * (the answer marker decides false/true); `null` for a part of a larger batch.
   */
  | { readonly kind: 'stored'; readonly nextExpectedVersion: number; readonly answer: ClaimRecord | null };

export function claimFor(streamId: string, eventIds: readonly string[], firstVersion: number): Claim {
  return { streamId, firstVersion, eventIds: eventIds.map((id) => id.toLowerCase()) };
}

export function versionOf(claim: Claim, eventId: string): number {
  const index = claim.eventIds.indexOf(eventId.toLowerCase());
  if (index < 0) throw new Error(`Claim for ${claim.streamId} does not name event ${eventId}`);
  return claim.firstVersion + index;
}

/** `idAtVersion`: the id at the claimed version of the claimed stream, `null` while that version is not written. */
export function claimFate(claim: Claim, eventId: string, idAtVersion: string | null): ClaimFate {
  if (idAtVersion === null) return 'pending';
  return idAtVersion.toLowerCase() === eventId.toLowerCase() ? 'stored' : 'dead';
}

/** The current claim from a claim stream's last two entries, newest first; `null` for no claim stream. */
export function currentClaim(newestFirst: readonly { readonly type: string; readonly data: unknown; readonly revision: bigint }[]): ClaimRecord | null {
  const [latest, before] = newestFirst;
  if (latest === undefined) return null;
  if (latest.type === CLAIM_EVENT_TYPE) return { claim: parseClaim(latest.data), revision: latest.revision, answered: false };
  if (latest.type === ANSWER_EVENT_TYPE && before?.type === CLAIM_EVENT_TYPE) {
    return { claim: parseClaim(before.data), revision: before.revision, answered: true };
  }
  throw new Error(`Claim stream holds ${latest.type} where a claim was expected`);
}

export function parseClaim(data: unknown): Claim {
  const c = (typeof data === 'object' && data !== null ? data : {}) as Partial<Record<keyof Claim, unknown>>;
  const ok =
    typeof c.streamId === 'string' &&
    Number.isSafeInteger(c.firstVersion) &&
    (c.firstVersion as number) >= 0 &&
    Array.isArray(c.eventIds) &&
    c.eventIds.length > 0 &&
    c.eventIds.every((id) => typeof id === 'string');
  if (!ok) throw new Error('Claim event this store did not write');
  return { streamId: c.streamId as string, firstVersion: c.firstVersion as number, eventIds: c.eventIds as string[] };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function sameClaim(a: Claim, b: Claim): boolean {
  return a.streamId === b.streamId && a.firstVersion === b.firstVersion && sameIds(a.eventIds, b.eventIds);
}

/**
 * What to do with an append, from the current claim of each of its ids
 * (`null`: never claimed, in the order of `request.eventIds`) and their fates.
 */
export function decideClaims(request: ClaimRequest, observed: readonly (ObservedClaim | null)[]): ClaimDecision {
  const ours = claimFor(request.streamId, request.eventIds, request.firstVersion);
  const refused: string[] = [];
  const stored: StoredId[] = [];
  const claims: ClaimWrite[] = [];
  request.eventIds.forEach((eventId, index) => {
    const seen = observed[index];
    if (seen === null || seen === undefined) return claims.push({ index, expectedRevision: 'no_stream' });
    const { record, fate } = seen;
    if (fate === 'dead') return claims.push({ index, expectedRevision: record.revision });
    const here = record.claim.streamId === request.streamId;
    if (fate === 'stored' && here) return stored.push({ eventId, streamId: request.streamId, streamVersion: versionOf(record.claim, eventId) });
    // Stored elsewhere, or pending for anything but this very batch at this very version.
    if (fate === 'stored' || !sameClaim(record.claim, ours)) return refused.push(eventId);
    return undefined; // pending for this batch: nothing to claim, the write completes it
  });

  if (refused.length > 0) return { kind: 'conflict', eventIds: refused };
  if (stored.length > 0) {
    if (stored.length < request.eventIds.length) return { kind: 'conflict', eventIds: stored.map((s) => s.eventId) };
    let nextExpectedVersion: number;
    try {
      nextExpectedVersion = classifyStoredIds(request.streamId, request.eventIds, stored)!.nextExpectedVersion;
    } catch (error) {
      if (error instanceof EventIdConflictError) return { kind: 'conflict', eventIds: error.eventIds };
      throw error;
    }
    const first = observed[0]!.record;
    const sameBatch = sameIds(first.claim.eventIds, ours.eventIds);
    return { kind: 'stored', nextExpectedVersion, answer: sameBatch ? first : null };
  }
  if (!request.atExpectedVersion) return { kind: 'wrong-version' };
  return { kind: 'write', claims };
}
