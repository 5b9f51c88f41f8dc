import { specFor } from '@cctv/kernel/testing';
import type { SupersedePermit } from '../permit/commands';
import { permitDecider } from '../permit/decider';
import {
  beforeTemporaryEnds,
  identity,
  lapsed,
  revoked,
  superseded,
  TEMPORARY_ENDS,
  temporaryIssued,
} from '../testing/permit.fixtures';

const spec = specFor(permitDecider);
const supersede = (supersededBy: string, now: Date): SupersedePermit => ({
  type: 'SupersedePermit',
  data: { permitId: 'p-temp', supersededBy, now },
});

describe('superseding a permit', () => {
  it('given a temporary permit, when re-inspection passes, a main permit supersedes it', () => {
    spec
      .given([temporaryIssued])
      .when(supersede('p-main', beforeTemporaryEnds))
      .then([
        {
          type: 'PermitSuperseded',
          data: { ...identity(temporaryIssued), supersededBy: 'p-main', at: beforeTemporaryEnds.toISOString() },
        },
      ]);
  });

  it('on its last valid minute the temporary permit can still be superseded', () => {
    const lastMinute = new Date(TEMPORARY_ENDS.getTime() - 60_000);
    expect(spec.given([temporaryIssued]).when(supersede('p-main', lastMinute)).thenEvents()).toHaveLength(1);
  });

  it('once its six months have run out it has lapsed, even before the lapse is recorded, and is not superseded after the fact', () => {
    spec.given([temporaryIssued]).when(supersede('p-main', TEMPORARY_ENDS)).thenThrows('permit-ended', 'conflict');
  });

  it('a recorded lapse is final', () => {
    spec
      .given([temporaryIssued, lapsed(temporaryIssued)])
      .when(supersede('p-main', beforeTemporaryEnds))
      .thenThrows('permit-ended', 'conflict');
  });

  it('the same supersession delivered again records nothing', () => {
    spec
      .given([temporaryIssued, superseded(temporaryIssued, 'p-main', beforeTemporaryEnds)])
      .when(supersede('p-main', beforeTemporaryEnds))
      .then([]);
  });

  it('a permit already superseded by another permit is a conflict', () => {
    spec
      .given([temporaryIssued, superseded(temporaryIssued, 'p-main', beforeTemporaryEnds)])
      .when(supersede('p-other', beforeTemporaryEnds))
      .thenThrows('already-superseded', 'conflict');
  });

  it('a revoked permit is not superseded', () => {
    spec
      .given([temporaryIssued, revoked(temporaryIssued, beforeTemporaryEnds)])
      .when(supersede('p-main', beforeTemporaryEnds))
      .thenThrows('permit-revoked', 'conflict');
  });

  it('a permit does not supersede itself', () => {
    spec
      .given([temporaryIssued])
      .when(supersede('p-temp', beforeTemporaryEnds))
      .thenThrows('cannot-supersede-itself', 'invalid');
  });

  it('a permit not in the register cannot be superseded', () => {
    spec.given([]).when(supersede('p-main', beforeTemporaryEnds)).thenThrows('permit-not-found', 'not-found');
  });
});
