import type { LogPosition } from '../event-store.port';

/**
 * A position in the PostgreSQL log is the pair (writing transaction id,
 * sequence value): the log is read in that order, see `readAll`.
 */
export interface TxPosition {
  readonly tx: string; // xid8, as decimal text
  readonly position: string; // bigint, as decimal text
}

export const LOG_START: TxPosition = { tx: '0', position: '0' };

export function encodePosition({ tx, position }: TxPosition): LogPosition {
  return `${tx}:${position}`;
}

export function decodePosition(value: LogPosition | null): TxPosition {
  if (value === null) return LOG_START;
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) throw new Error(`Not a PostgreSQL log position: ${value}`);
  return { tx: match[1], position: match[2] };
}
