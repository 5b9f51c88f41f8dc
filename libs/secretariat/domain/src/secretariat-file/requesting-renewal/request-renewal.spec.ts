import { specFor } from '@cctv/kernel/testing';
import type { RequestRenewal } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, FILE_ID, history, minus, renewalRequested } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const renew = (now: Date): RequestRenewal => ({ type: 'RequestRenewal', data: { fileId: FILE_ID, requestId: 'renewal-2', now } });

/**
 * The main permit of the history ends at the start of 1406/02/10 (2027-04-30);
 * sixty days earlier is 1405/12/10 (2027-03-01), which starts at 2027-02-28T20:30Z in Tehran.
 */
const windowOpens = new Date('2027-02-28T20:30:00Z');

describe('requesting the renewal of a main permit', () => {
  it('given a main permit, renewal may be requested from the first instant of the day sixty days before its end', () =>
    spec
      .given(history.main())
      .when(renew(windowOpens))
      .then([
        {
          type: 'RenewalRequested',
          data: { fileId: FILE_ID, requestId: 'renewal-2', permitId: 'op-1', at: windowOpens.toISOString() },
        },
      ]));

  it('given a main permit, a renewal a moment before the window opens is refused as too early, saying when it opens', () => {
    const error = thrown(() => spec.given(history.main()).when(renew(minus(windowOpens, 1))).thenEvents());
    expect(error).toMatchObject({ kind: 'conflict', code: 'renewal-too-early' });
    expect((error as Error).message).toContain('1405/12/10');
    expect((error as { messageFa: string }).messageFa).toContain('۱۴۰۵/۱۲/۱۰');
  });

  it('given a main permit, renewal may be requested on its last valid instant', () =>
    expect(spec.given(history.main()).when(renew(minus(dates.mainEnds, 1))).thenEvents()).toHaveLength(1));

  it('given a main permit that has ended, renewal is refused: the owner requests a new operation permit', () =>
    spec.given(history.main()).when(renew(dates.mainEnds)).thenThrows('permit-expired', 'conflict'));

  it('given a temporary permit, renewal is refused: only a main permit is renewed', () =>
    spec.given(history.temporary()).when(renew(minus(dates.temporaryEnds, 1))).thenThrows('no-main-permit', 'conflict'));

  it('given no operation permit, renewal is refused', () =>
    spec.given(history.requested()).when(renew(dates.scheduled)).thenThrows('no-main-permit', 'conflict'));

  it('given a revoked main permit, renewal is refused', () =>
    spec
      .given([
        ...history.main(),
        { type: 'PermitRevoked', data: { fileId: FILE_ID, permitId: 'op-1', permitType: 'operation', reason: 'تخلف', at: windowOpens.toISOString() } },
      ])
      .when(renew(windowOpens))
      .thenThrows('permit-revoked', 'conflict'));

  it('given a renewal already requested, another request is refused', () =>
    spec.given([...history.main(), renewalRequested(windowOpens)]).when(renew(windowOpens)).thenThrows('request-in-progress', 'conflict'));

  it('given a refused renewal, the owner may ask again while the window lasts', () => {
    const refused: SecretariatFileEvent = {
      type: 'OperationPermitRefused',
      data: { fileId: FILE_ID, requestId: 'renewal-1', purpose: 'renewal', reasons: ['نقشه تغییر کرده است'], at: windowOpens.toISOString() },
    };
    expect(spec.given([...history.main(), renewalRequested(windowOpens), refused]).when(renew(windowOpens)).thenEvents()).toHaveLength(1);
  });
});
