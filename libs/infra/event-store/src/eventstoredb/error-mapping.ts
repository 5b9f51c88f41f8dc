import { ErrorType, type WrongExpectedVersionError as EsdbWrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersionError, type ExpectedVersion } from '../event-store.port';
import { currentRevisionToVersion } from './revision';

/** Recognised by its `type`, not `instanceof`: two copies of the client in node_modules would each have their own class. */
export function isEsdbWrongExpectedVersion(error: unknown): error is EsdbWrongExpectedVersionError {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isEsdbStreamNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;
}

/** The client's version conflict as ours (with the stream's actual version); any other error unchanged. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (!isEsdbWrongExpectedVersion(error)) return error;
  return new WrongExpectedVersionError(streamId, expected, currentRevisionToVersion(error.actualVersion));
}
