import { END, START, type Position, type ReadPosition } from '@eventstore/db-client';
import type { LogPosition } from '../event-store.port';

/*
 * An EventStoreDB $all position is the pair (commit, prepare) of transaction-log
 * offsets; we keep it as "commit:prepare" in decimal. Positions are ordered by
 * commit first, then prepare.
 */

export function encodeEsdbPosition({ commit, prepare }: Position): LogPosition {
  if (commit < 0n || prepare < 0n) throw new RangeError(`Not a $all position: ${commit}:${prepare}`);
  return `${commit}:${prepare}`;
}

export function decodeEsdbPosition(value: LogPosition): Position {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) throw new Error(`Not an EventStoreDB log position: ${value}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Where to start reading $all for "events after `after`". A read starts *at*
 * its `fromPosition` (the event there is returned), so the start itself must
 * be dropped; `isPast` says which events belong to the answer.
 */
export function readAllStart(after: Position | null): { readonly fromPosition: ReadPosition; isPast(position: Position): boolean } {
  if (after === null) return { fromPosition: START, isPast: () => true };
  return { fromPosition: after, isPast: (position) => comparePositions(position, after) > 0 };
}

/**
 * Where a catch-up subscription starts to deliver what follows `known`. A
 * subscription starts *after* its `fromPosition`, so `known` is passed as is;
 * with nothing known, only events appended from now on.
 */
export function subscriptionStart(known: Position | null): ReadPosition {
  return known ?? END;
}
