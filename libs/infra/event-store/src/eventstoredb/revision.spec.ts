import { ANY, NO_STREAM } from '@eventstore/db-client';
import { currentRevisionToVersion, firstRevisionAfter, revisionToVersion, toExpectedRevision, versionToRevision } from './revision';

describe('stream versions and EventStoreDB revisions', () => {
  it('a version and a revision number the same event, in both directions', () => {
    for (const version of [0, 1, 41, Number.MAX_SAFE_INTEGER]) {
      expect(revisionToVersion(versionToRevision(version))).toBe(version);
    }
    expect(versionToRevision(7)).toBe(7n);
  });

  it('an expected version becomes the revision of the last event expected', () => {
    expect(toExpectedRevision(3)).toBe(3n);
    expect(toExpectedRevision(0)).toBe(0n);
  });

  it("'no_stream' and -1 both expect no stream; 'any' expects nothing", () => {
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision(-1)).toBe(NO_STREAM);
    expect(toExpectedRevision('any')).toBe(ANY);
  });

  it('a refused append reports a missing stream as version -1, otherwise the revision', () => {
    expect(currentRevisionToVersion(NO_STREAM)).toBe(-1);
    expect(currentRevisionToVersion(5n)).toBe(5);
  });

  it('a retried append is looked for at the revisions it would have taken', () => {
    expect(firstRevisionAfter('no_stream')).toBe(0n);
    expect(firstRevisionAfter(-1)).toBe(0n);
    expect(firstRevisionAfter(4)).toBe(5n);
    expect(firstRevisionAfter('any')).toBeNull();
  });

  it('versions that are no revision are refused rather than rounded', () => {
    expect(() => versionToRevision(-2)).toThrow(RangeError);
    expect(() => versionToRevision(1.5)).toThrow(RangeError);
    expect(() => toExpectedRevision(-5)).toThrow(RangeError);
    expect(() => revisionToVersion(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
  });
});
