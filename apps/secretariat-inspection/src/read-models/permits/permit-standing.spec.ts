import { permitStandingAt } from './permit-standing';

// Granted 1404/02/10: a temporary permit is valid through 1404/08/09, no longer from Tehran midnight starting 1404/08/10.
const validUntil = new Date('2025-10-31T20:30:00Z');
const temporary = { standing: 'granted' as const, kind: 'temporary' as const, validUntil };
const main = { ...temporary, kind: 'main' as const };

describe('where an operation permit stands at an instant', () => {
  it('more than 30 days before its end it is in force', () => {
    expect(permitStandingAt(temporary, new Date('2025-09-20T08:00:00Z'))).toBe('in-force');
  });

  it('in the 30 days before its end date it is expiring', () => {
    // 1404/07/10 (2 October 2025): thirty days before 1404/08/10.
    expect(permitStandingAt(main, new Date('2025-10-02T08:00:00Z'))).toBe('expiring');
    expect(permitStandingAt(main, new Date('2025-10-01T08:00:00Z'))).toBe('in-force');
  });

  it('on its last valid day it is still valid; from the next Tehran midnight a temporary permit has lapsed, a main one expired', () => {
    expect(permitStandingAt(temporary, new Date('2025-10-31T20:29:59Z'))).toBe('expiring');
    expect(permitStandingAt(temporary, validUntil)).toBe('lapsed');
    expect(permitStandingAt(main, validUntil)).toBe('expired');
  });

  it('a superseded or revoked permit stays so, whatever the clock says', () => {
    expect(permitStandingAt({ ...temporary, standing: 'superseded' }, new Date('2025-06-01T00:00:00Z'))).toBe('superseded');
    expect(permitStandingAt({ ...main, standing: 'revoked' }, new Date('2025-06-01T00:00:00Z'))).toBe('revoked');
  });
});
