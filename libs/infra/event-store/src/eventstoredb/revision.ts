import { ANY, NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import type { ExpectedVersion } from '../event-store.port';

/*
 * Our stream version and the EventStoreDB revision count the same thing (the
 * 0-based number of a stream's last event); only the type differs: the client
 * speaks bigint, we speak number. -1 has no revision of its own: it is NO_STREAM.
 */

export function revisionToVersion(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Stream revision out of range: ${revision}`);
  return Number(revision);
}

export function versionToRevision(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`Not a stream version: ${version}`);
  return BigInt(version);
}

export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream' || expected === -1) return NO_STREAM;
  return versionToRevision(expected);
}

/** What the server reports as a stream's revision when an append is refused. */
export function currentRevisionToVersion(current: CurrentRevision): number {
  return current === NO_STREAM ? -1 : revisionToVersion(current);
}

/** The first revision an append expecting `expected` would write; `null` for 'any'. */
export function firstRevisionAfter(expected: ExpectedVersion): bigint | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0n;
  return versionToRevision(expected + 1);
}
