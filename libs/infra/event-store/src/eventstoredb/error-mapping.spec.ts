import { NO_STREAM, StreamNotFoundError, WrongExpectedVersionError as EsdbWrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersionError } from '../event-store.port';
import { isEsdbStreamNotFound, toPortError } from './error-mapping';

const refused = (current: bigint | typeof NO_STREAM) =>
  new EsdbWrongExpectedVersionError(undefined, { streamName: 'union.file-1', expected: 0n, current });

describe('client errors as port errors', () => {
  it("the client's version conflict becomes ours, naming our stream id, our expectation and the actual version", () => {
    const error = toPortError(refused(4n), 'file-1', 0);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: 'file-1', expected: 0, actual: 4 });
  });

  it('a conflict on a stream that does not exist reports version -1', () => {
    expect(toPortError(refused(NO_STREAM), 'file-1', 2)).toMatchObject({ actual: -1, expected: 2 });
  });

  it('any other error passes through unchanged, so outages are not taken for conflicts', () => {
    const outage = new Error('connect ECONNREFUSED');
    expect(toPortError(outage, 'file-1', 0)).toBe(outage);
    const missing = new StreamNotFoundError(undefined, 'union.file-1');
    expect(toPortError(missing, 'file-1', 0)).toBe(missing);
  });

  it('a missing stream is recognised (it reads as version -1), other errors are not', () => {
    expect(isEsdbStreamNotFound(new StreamNotFoundError(undefined, 'union.file-1'))).toBe(true);
    expect(isEsdbStreamNotFound(refused(1n))).toBe(false);
    expect(isEsdbStreamNotFound(new Error('stream-not-found'))).toBe(false);
  });
});
