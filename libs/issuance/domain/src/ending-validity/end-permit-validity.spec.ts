import { specFor } from '@cctv/kernel/testing';
import type { EndPermitValidity } from '../permit/commands';
import type { PermitIssued } from '../permit/events';
import { permitDecider } from '../permit/decider';
import {
  beforeTemporaryEnds,
  identity,
  lapsed,
  MAIN_ENDS,
  mainIssued,
  revoked,
  superseded,
  TEMPORARY_ENDS,
  temporaryIssued,
} from '../testing/permit.fixtures';

const spec = specFor(permitDecider);
const end = (now: Date, permitId = 'p-temp'): EndPermitValidity => ({ type: 'EndPermitValidity', data: { permitId, now } });

describe('ending a permit when its time runs out', () => {
  it('given a temporary permit, at the Tehran midnight starting its end date it lapses', () => {
    spec
      .given([temporaryIssued])
      .when(end(TEMPORARY_ENDS))
      .then([
        {
          type: 'PermitLapsed',
          data: {
            ...identity(temporaryIssued),
            kind: 'temporary',
            endedAt: '2025-10-31T20:30:00.000Z',
            at: TEMPORARY_ENDS.toISOString(),
          },
        },
      ]);
  });

  it('one millisecond before that midnight it is not due', () => {
    spec.given([temporaryIssued]).when(end(new Date(TEMPORARY_ENDS.getTime() - 1))).thenThrows('not-due', 'conflict');
  });

  it('a main permit expires rather than lapses', () => {
    const later = new Date(MAIN_ENDS.getTime() + 3_600_000);
    spec
      .given([mainIssued])
      .when(end(later, 'p-main'))
      .then([
        {
          type: 'PermitExpired',
          data: { ...identity(mainIssued), kind: 'main', endedAt: mainIssued.data.validUntil, at: later.toISOString() },
        },
      ]);
  });

  it('an installation permit not used within its year lapses', () => {
    const installation: PermitIssued = {
      type: 'PermitIssued',
      data: { ...temporaryIssued.data, permitId: 'p-inst', permitType: 'installation', kind: 'installation', deficiencies: [] },
    };
    const [event] = spec.given([installation]).when(end(TEMPORARY_ENDS, 'p-inst')).thenEvents();
    expect(event).toMatchObject({ type: 'PermitLapsed', data: { kind: 'installation' } });
  });

  it('a timer firing again after the lapse records nothing', () => {
    spec
      .given([temporaryIssued, lapsed(temporaryIssued)])
      .when(end(new Date(TEMPORARY_ENDS.getTime() + 86_400_000)))
      .then([]);
  });

  it('a temporary permit superseded by a main one before its end does not lapse', () => {
    spec
      .given([temporaryIssued, superseded(temporaryIssued, 'p-main', beforeTemporaryEnds)])
      .when(end(TEMPORARY_ENDS))
      .thenThrows('permit-superseded', 'conflict');
  });

  it('a revoked permit does not lapse', () => {
    spec
      .given([temporaryIssued, revoked(temporaryIssued, beforeTemporaryEnds)])
      .when(end(TEMPORARY_ENDS))
      .thenThrows('permit-revoked', 'conflict');
  });

  it('a permit not in the register cannot end', () => {
    spec.given([]).when(end(TEMPORARY_ENDS)).thenThrows('permit-not-found', 'not-found');
  });
});
