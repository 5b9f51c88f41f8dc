import { specFor } from '@cctv/kernel/testing';
import type { ScheduleInspection } from '../commands';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, FILE_ID, history, recorded, remediationReported, renewalRequested, scheduled } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const schedule = (
  now: Date,
  scheduledFor = '2025-04-28T09:00:00+03:30',
  inspectorIds: readonly string[] = [' inspector-7 ', 'inspector-9', 'inspector-7'],
): ScheduleInspection => ({
  type: 'ScheduleInspection',
  data: { fileId: FILE_ID, inspectionId: 'insp-2', scheduledFor, inspectorIds, now },
});

const reported = new Date('2025-07-01T06:00:00Z');
const renewalAsked = new Date('2027-03-10T06:00:00Z');

describe('scheduling a site inspection', () => {
  it('given a request awaiting inspection, a first inspection is scheduled with its inspectors', () =>
    spec
      .given(history.requested())
      .when(schedule(dates.scheduled))
      .then([
        {
          type: 'InspectionScheduled',
          data: {
            fileId: FILE_ID,
            inspectionId: 'insp-2',
            scheduledFor: '2025-04-28T05:30:00.000Z',
            inspectorIds: ['inspector-7', 'inspector-9'],
            purpose: 'first',
            reinspection: false,
            at: dates.scheduled.toISOString(),
          },
        },
      ]));

  it('given a remediation report on a temporary permit, a re-inspection is scheduled', () =>
    expect(
      spec.given([...history.temporary(), remediationReported(reported)]).when(schedule(reported, '2025-07-05T10:00:00+03:30')).thenEvents(),
    ).toMatchObject([{ data: { purpose: 'reinspection', reinspection: true } }]));

  it('given a renewal request, a renewal inspection is scheduled', () =>
    expect(
      spec.given([...history.main(), renewalRequested(renewalAsked)]).when(schedule(renewalAsked, '2027-03-15T10:00:00+03:30')).thenEvents(),
    ).toMatchObject([{ data: { purpose: 'renewal', reinspection: false } }]));

  it("a visit earlier today in Tehran is still today's, and is accepted", () => {
    // 09:30 in Tehran; the visit at 00:30 the same Tehran day is 2025-04-15 in UTC.
    const now = new Date('2025-04-16T06:00:00Z');
    expect(spec.given(history.requested()).when(schedule(now, '2025-04-15T21:00:00Z')).thenEvents()).toHaveLength(1);
  });

  it('a visit on the Tehran day before today is refused', () => {
    const now = new Date('2025-04-16T06:00:00Z');
    expect(thrown(() => spec.given(history.requested()).when(schedule(now, '2025-04-15T20:29:59Z')).thenEvents())).toMatchObject({
      kind: 'invalid',
      code: 'scheduled-in-the-past',
      field: 'scheduledFor',
    });
  });

  it('a date-time without a time zone is refused, since it would mean different instants on different machines', () =>
    expect(thrown(() => spec.given(history.requested()).when(schedule(dates.scheduled, '2025-04-28T09:00')).thenEvents())).toMatchObject({
      kind: 'invalid',
      field: 'scheduledFor',
    }));

  it('an inspection without an inspector is refused', () =>
    expect(thrown(() => spec.given(history.requested()).when(schedule(dates.scheduled, undefined, ['  '])).thenEvents())).toMatchObject({
      kind: 'invalid',
      code: 'inspectors-required',
      field: 'inspectorIds',
    }));

  it('given no request, remediation report or renewal, there is nothing to inspect', () =>
    spec.given(history.signed()).when(schedule(dates.scheduled)).thenThrows('nothing-to-inspect', 'conflict'));

  it('given a granted permit and nothing reported, there is nothing to inspect', () =>
    spec.given(history.temporary()).when(schedule(dates.granted, '2025-05-05T10:00:00+03:30')).thenThrows('nothing-to-inspect'));

  it('given an inspection scheduled and not yet recorded, another one is refused', () =>
    spec.given(history.scheduled()).when(schedule(dates.scheduled)).thenThrows('inspection-already-scheduled', 'conflict'));

  it('given a recorded inspection awaiting a decision, another one is refused', () =>
    spec.given(history.recorded([])).when(schedule(dates.recorded)).thenThrows('inspection-already-recorded', 'conflict'));

  it('given a remediation report on a temporary permit that has since ended, the re-inspection is refused as lapsed', () =>
    spec
      .given([...history.temporary(), remediationReported(new Date('2025-10-25T06:00:00Z'))])
      .when(schedule(dates.temporaryEnds, '2025-11-05T10:00:00+03:30'))
      .thenThrows('temporary-permit-lapsed', 'conflict'));

  it('given a re-inspection that still found deficiencies, a new one waits for a new remediation report', () =>
    spec
      .given([
        ...history.temporary(),
        remediationReported(reported),
        scheduled('reinspection', 'insp-2', reported),
        recorded([{ item: 'power-backup', note: 'هنوز یو‌پی‌اس ندارد' }], 'reinspection', 'insp-2', reported),
      ])
      .when(schedule(reported, '2025-07-05T10:00:00+03:30'))
      .thenThrows('inspection-already-recorded', 'conflict'));
});
