import { specFor } from '@cctv/kernel/testing';
import type { ReportRemediation } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, FILE_ID, history, minus, recorded, remediationReported, scheduled } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const report = (now: Date, note = 'تابلو نصب شد و یو‌پی‌اس خریداری شد'): ReportRemediation => ({
  type: 'ReportRemediation',
  data: { fileId: FILE_ID, note, now },
});
const reported = new Date('2025-07-01T06:00:00Z');
const failedReinspection: SecretariatFileEvent[] = [
  ...history.temporary(),
  remediationReported(reported),
  scheduled('reinspection', 'insp-2', reported),
  recorded([{ item: 'power-backup', note: 'هنوز یو‌پی‌اس ندارد' }], 'reinspection', 'insp-2', reported),
];

describe('reporting the deficiencies remedied', () => {
  it('given a valid temporary permit, the owner reports the deficiencies remedied', () =>
    spec
      .given(history.temporary())
      .when(report(reported))
      .then([
        {
          type: 'RemediationReported',
          data: { fileId: FILE_ID, permitId: 'op-1', note: 'تابلو نصب شد و یو‌پی‌اس خریداری شد', at: reported.toISOString() },
        },
      ]));

  it('given a temporary permit on its last valid instant, the report is accepted', () =>
    expect(spec.given(history.temporary()).when(report(minus(dates.temporaryEnds, 1))).thenEvents()).toHaveLength(1));

  it('given a temporary permit that has ended, the report is refused as lapsed', () =>
    spec.given(history.temporary()).when(report(dates.temporaryEnds)).thenThrows('temporary-permit-lapsed', 'conflict'));

  it('given a re-inspection already pending, another report is refused', () =>
    spec
      .given([...history.temporary(), remediationReported(reported)])
      .when(report(new Date('2025-07-02T06:00:00Z')))
      .thenThrows('reinspection-pending', 'conflict'));

  it('given a re-inspection that still found deficiencies, the owner may report again within the six months', () =>
    expect(spec.given(failedReinspection).when(report(new Date('2025-08-01T06:00:00Z'))).thenEvents()).toMatchObject([
      { type: 'RemediationReported', data: { permitId: 'op-1' } },
    ]));

  it('given a main permit, there are no deficiencies to report remedied', () =>
    spec.given(history.main()).when(report(dates.granted)).thenThrows('no-temporary-permit', 'conflict'));

  it('given a revoked temporary permit, the report is refused', () =>
    spec
      .given([
        ...history.temporary(),
        { type: 'PermitRevoked', data: { fileId: FILE_ID, permitId: 'op-1', permitType: 'operation', reason: 'دوربین پنهان', at: reported.toISOString() } },
      ])
      .when(report(reported))
      .thenThrows('permit-revoked', 'conflict'));

  it('a report without a note is refused, naming the field', () =>
    expect(thrown(() => spec.given(history.temporary()).when(report(reported, ' ')).thenEvents())).toMatchObject({
      kind: 'invalid',
      field: 'note',
    }));
});
