import { permitDecider, type IssuePermit, type PermitIssued } from '@cctv/issuance-domain';
import { issuedRow } from './permit-register.projection';
import { registerEntry } from './register-entry';

const BASE = 'https://permits.example.ir';

/** DOMAIN.md's example: a temporary permit signed on 1404/02/10 is valid through 1404/08/09. */
const temporary = (): PermitIssued => {
  const command: IssuePermit = {
    type: 'IssuePermit',
    data: {
      permitId: 'p-temp', permitNumber: 'KR-OT-1404-000007', permitType: 'operation', kind: 'temporary', fileId: 'f-1',
      hologramSerial: 'KR1404000102', issuedAt: new Date('2025-04-30T07:00:00.000Z'), supersedesPermitId: null,
      deficiencies: [{ item: 'monitored-sign-posted', note: 'no sign' }],
    },
  };
  return permitDecider.decide(command, permitDecider.initialState)[0] as PermitIssued;
};

describe('one line of the register', () => {
  const row = issuedRow(temporary(), null);

  it('names the kind and the status in Persian beside their codes', () => {
    const entry = registerEntry(row, new Date('2025-06-01T08:00:00.000Z'), BASE);
    expect(entry).toMatchObject({
      kind: 'temporary', kindFa: 'مجوز موقت بهره‌برداری (شش ماهه)',
      permitType: 'operation', permitTypeFa: 'مجوز بهره‌برداری',
      status: 'valid', statusFa: 'معتبر',
      issuedOnJalali: '1404/02/10', validThroughJalali: '1404/08/09', endDateJalali: '1404/08/10',
    });
  });

  it('the QR code leads to the public verification page of that number', () => {
    expect(registerEntry(row, new Date('2025-06-01T08:00:00.000Z'), `${BASE}/`).verificationUrl).toBe(`${BASE}/verify/KR-OT-1404-000007`);
  });

  // 1404/08/10 less thirty days is 1404/07/10, i.e. 2025-10-02, whose Tehran midnight is 2025-10-01T20:30Z.
  it('reads "expiring" from the start of the thirtieth day before the end date, and not a second earlier', () => {
    expect(registerEntry(row, new Date('2025-10-01T20:29:59.999Z'), BASE).status).toBe('valid');
    expect(registerEntry(row, new Date('2025-10-01T20:30:00.000Z'), BASE).status).toBe('expiring');
  });

  it('reads "lapsed" from the start of 1404/08/10 Tehran time, before any sweep recorded it', () => {
    expect(registerEntry(row, new Date('2025-10-31T20:29:59.999Z'), BASE)).toMatchObject({ status: 'expiring', daysLeft: 1 });
    expect(registerEntry(row, new Date('2025-10-31T20:30:00.000Z'), BASE)).toMatchObject({ status: 'lapsed', statusFa: 'از اعتبار افتاده', daysLeft: 0 });
  });

  it('given a revocation, reads "revoked" from that instant on and shows the reason', () => {
    const revoked = { ...row, recorded: 'revoked' as const, revokedAt: new Date('2025-06-01T08:00:00.000Z'), revocationReason: 'دید به منازل' };
    expect(registerEntry(revoked, new Date('2025-06-01T07:59:59.000Z'), BASE).status).toBe('valid');
    expect(registerEntry(revoked, new Date('2025-06-01T08:00:00.000Z'), BASE)).toMatchObject({
      status: 'revoked', statusFa: 'باطل شده', revocationReason: 'دید به منازل', revokedOnJalali: '1404/03/11',
    });
  });
});
