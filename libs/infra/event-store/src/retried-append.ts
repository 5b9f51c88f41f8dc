import { EventIdConflictError } from './event-id-conflict.error';
import type { AppendResult } from './event-store.port';

export interface StoredId {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
}

/**
 * Decides what a refused append whose ids are (partly) stored already was.
 * A retry: every id stored, in this stream, at consecutive versions in the
 * same order — answered as a duplicate. Anything else is a conflict.
 */
export function classifyStoredIds(streamId: string, ids: readonly string[], stored: readonly StoredId[]): AppendResult | null {
  if (stored.length === 0) return null;
  const byId = new Map(stored.map((row) => [row.eventId.toLowerCase(), row]));
  const rows = ids.map((id) => byId.get(id.toLowerCase()));
  const last = rows[rows.length - 1];
  const isRetry =
    last !== undefined &&
    rows.every((row, i) => row?.streamId === streamId && row.streamVersion === last.streamVersion - (ids.length - 1 - i));
  if (!isRetry) throw new EventIdConflictError(streamId, stored.map((row) => row.eventId));
  return { nextExpectedVersion: last.streamVersion, duplicate: true };
}
