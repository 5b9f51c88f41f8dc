import { specFor } from '@cctv/kernel/testing';
import type { RevokePermit } from '../permit/commands';
import { permitDecider } from '../permit/decider';
import {
  beforeTemporaryEnds,
  expired,
  identity,
  MAIN_ENDS,
  mainIssued,
  revoked,
  superseded,
  temporaryIssued,
} from '../testing/permit.fixtures';

const spec = specFor(permitDecider);
const revoke = (now: Date, reason = 'رضایت ساکنان پس گرفته شد'): RevokePermit => ({
  type: 'RevokePermit',
  data: { permitId: 'p-main', reason, now },
});

describe('revoking a permit', () => {
  it('given a valid main permit, the secretariat revokes it with a reason', () => {
    spec
      .given([mainIssued])
      .when(revoke(beforeTemporaryEnds))
      .then([
        {
          type: 'PermitRevoked',
          data: { ...identity(mainIssued), reason: 'رضایت ساکنان پس گرفته شد', at: beforeTemporaryEnds.toISOString() },
        },
      ]);
  });

  it('a revocation needs a written reason', () => {
    spec.given([mainIssued]).when(revoke(beforeTemporaryEnds, '  ')).thenThrows('required-field', 'invalid');
  });

  it('a permit is revoked once', () => {
    spec
      .given([mainIssued, revoked(mainIssued, beforeTemporaryEnds)])
      .when(revoke(beforeTemporaryEnds))
      .thenThrows('already-revoked', 'conflict');
  });

  it('a superseded permit is no longer in force and has nothing to revoke', () => {
    spec
      .given([temporaryIssued, superseded(temporaryIssued, 'p-main', beforeTemporaryEnds)])
      .when({ type: 'RevokePermit', data: { permitId: 'p-temp', reason: 'x', now: beforeTemporaryEnds } })
      .thenThrows('permit-superseded', 'conflict');
  });

  it('an expired permit has nothing to revoke, whether or not its expiry was recorded', () => {
    spec.given([mainIssued, expired(mainIssued)]).when(revoke(MAIN_ENDS)).thenThrows('permit-ended', 'conflict');
    spec.given([mainIssued]).when(revoke(MAIN_ENDS)).thenThrows('permit-ended', 'conflict');
  });

  it('a permit not in the register cannot be revoked', () => {
    spec.given([]).when(revoke(beforeTemporaryEnds)).thenThrows('permit-not-found', 'not-found');
  });
});
