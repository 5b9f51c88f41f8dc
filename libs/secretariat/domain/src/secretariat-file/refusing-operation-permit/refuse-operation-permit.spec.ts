import { specFor } from '@cctv/kernel/testing';
import type { RefuseOperationPermit } from '../commands';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, DEFICIENCIES, FILE_ID, history, remediationReported, renewalRequested } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const refuse = (now: Date, reasons: readonly string[] = [' ساکنان واحد ۴ و ۷ رضايت ندادند ', '']): RefuseOperationPermit => ({
  type: 'RefuseOperationPermit',
  data: { fileId: FILE_ID, reasons, now },
});

describe('refusing the operation permit', () => {
  it('given a request awaiting inspection, the secretariat may refuse it with written reasons', () =>
    spec
      .given(history.requested())
      .when(refuse(dates.scheduled))
      .then([
        {
          type: 'OperationPermitRefused',
          data: {
            fileId: FILE_ID,
            requestId: 'req-1',
            purpose: 'first',
            reasons: ['ساکنان واحد 4 و 7 رضایت ندادند'],
            at: dates.scheduled.toISOString(),
          },
        },
      ]));

  it('given a recorded inspection not yet decided, the request may be refused (e.g. cameras look into homes)', () =>
    expect(spec.given(history.recorded(DEFICIENCIES)).when(refuse(dates.granted)).thenEvents()).toMatchObject([
      { type: 'OperationPermitRefused', data: { purpose: 'first' } },
    ]));

  it('given a renewal request, the renewal may be refused', () => {
    const asked = new Date('2027-03-10T06:00:00Z');
    expect(spec.given([...history.main(), renewalRequested(asked)]).when(refuse(asked)).thenEvents()).toMatchObject([
      { type: 'OperationPermitRefused', data: { purpose: 'renewal', requestId: 'renewal-1' } },
    ]);
  });

  it('given a granted permit and no open request, there is nothing to refuse', () =>
    spec.given(history.temporary()).when(refuse(dates.granted)).thenThrows('nothing-to-refuse', 'conflict'));

  it('given a re-inspection of a temporary permit, it is not refused: the temporary permit is revoked or lapses', () =>
    spec
      .given([...history.temporary(), remediationReported(new Date('2025-07-01T06:00:00Z'))])
      .when(refuse(new Date('2025-07-02T06:00:00Z')))
      .thenThrows('reinspection-not-refusable', 'conflict'));

  it('a refusal without a reason is refused, naming the field', () =>
    expect(thrown(() => spec.given(history.requested()).when(refuse(dates.scheduled, ['  '])).thenEvents())).toMatchObject({
      kind: 'invalid',
      code: 'reasons-required',
      field: 'reasons',
    }));
});
