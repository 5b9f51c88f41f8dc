import { fold } from '@cctv/kernel';
import { refusalOf } from '@cctv/kernel/testing';
import type { PermitEvent } from '../permit/events';
import { permitDecider } from '../permit/decider';
import {
  beforeTemporaryEnds,
  expired,
  lapsed,
  MAIN_ENDS,
  mainIssued,
  revoked,
  superseded,
  TEMPORARY_ENDS,
  temporaryIssued,
} from '../testing/permit.fixtures';
import { permitStatus } from './permit-status';

const statusAt = (events: readonly PermitEvent[], now: Date | string) =>
  permitStatus(fold(permitDecider, events), typeof now === 'string' ? new Date(now) : now);

describe('the status of a permit at an instant', () => {
  describe('DOMAIN.md example: six months from 1404/02/10', () => {
    it('at 23:59:59 Tehran time on 1404/08/09, its last valid day, it is still in force (expiring)', () => {
      expect(statusAt([temporaryIssued], '2025-10-31T20:29:59.999Z')).toBe('expiring');
    });

    it('at the Tehran midnight starting 1404/08/10 it has lapsed, before any timer recorded it', () => {
      expect(statusAt([temporaryIssued], '2025-10-31T20:30:00.000Z')).toBe('lapsed');
    });

    it('right after signing it is valid', () => {
      expect(statusAt([temporaryIssued], temporaryIssued.data.issuedAt)).toBe('valid');
    });
  });

  describe('expiring: the thirty calendar days before the end date', () => {
    // End date 1404/08/10; thirty days before it is 1404/07/10 (Mehr has 30 days) = 2025-10-02,
    // whose Tehran midnight is 2025-10-01T20:30Z.
    it('on 1404/07/09 the permit is still plainly valid', () => {
      expect(statusAt([temporaryIssued], '2025-10-01T20:29:59.999Z')).toBe('valid');
    });

    it('from the start of 1404/07/10 it is expiring', () => {
      expect(statusAt([temporaryIssued], '2025-10-01T20:30:00.000Z')).toBe('expiring');
    });
  });

  it('a main permit past its end is expired, not lapsed', () => {
    expect(statusAt([mainIssued], MAIN_ENDS)).toBe('expired');
    expect(statusAt([mainIssued, expired(mainIssued)], MAIN_ENDS)).toBe('expired');
  });

  it('a recorded lapse reads as lapsed', () => {
    expect(statusAt([temporaryIssued, lapsed(temporaryIssued)], TEMPORARY_ENDS)).toBe('lapsed');
  });

  it('given a temporary permit superseded by a main one, it reads as superseded from that instant, even past its end', () => {
    const history = [temporaryIssued, superseded(temporaryIssued, 'p-main', beforeTemporaryEnds)];
    expect(statusAt(history, new Date(beforeTemporaryEnds.getTime() - 1))).toBe('valid');
    expect(statusAt(history, beforeTemporaryEnds)).toBe('superseded');
    expect(statusAt(history, new Date(TEMPORARY_ENDS.getTime() + 1))).toBe('superseded');
  });

  it('a revoked permit reads as revoked from the revocation on', () => {
    const history = [mainIssued, revoked(mainIssued, beforeTemporaryEnds)];
    expect(statusAt(history, new Date(beforeTemporaryEnds.getTime() - 1))).toBe('valid');
    expect(statusAt(history, beforeTemporaryEnds)).toBe('revoked');
  });

  it('a permit not in the register has no status', () => {
    expect(refusalOf(() => permitStatus(permitDecider.initialState, beforeTemporaryEnds)).code).toBe('permit-not-found');
  });
});
