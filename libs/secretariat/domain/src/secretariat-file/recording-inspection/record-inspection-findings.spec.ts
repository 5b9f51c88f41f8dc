import { specFor } from '@cctv/kernel/testing';
import { checklistFor } from '../../checklist/checklist';
import type { Finding, RecordInspectionFindings } from '../commands';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, FILE_ID, history, remediationReported, scheduled } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const residential = checklistFor(true);
const allPassed = (items: readonly string[]): Finding[] => items.map((item) => ({ item, passed: true }));
const record = (
  findings: readonly Finding[],
  checklist: readonly string[] = residential,
  inspectionId = 'insp-1',
  now = dates.recorded,
  recordedBy = 'inspector-7',
): RecordInspectionFindings => ({
  type: 'RecordInspectionFindings',
  data: { fileId: FILE_ID, inspectionId, recordedBy, findings, checklist, now },
});
const failing = (item: string, note?: string): Finding[] =>
  allPassed(residential).map((finding) => (finding.item === item ? { item, passed: false, note } : finding));
const findingsError = (command: RecordInspectionFindings) => thrown(() => spec.given(history.scheduled()).when(command).thenEvents());

describe('recording the findings of an inspection', () => {
  it('given a scheduled inspection where every item passes, it is recorded as passed with no deficiency', () => {
    const events = spec.given(history.scheduled()).when(record(allPassed([...residential].reverse()))).thenEvents();
    expect(events).toEqual([
      {
        type: 'InspectionRecorded',
        data: {
          fileId: FILE_ID,
          inspectionId: 'insp-1',
          purpose: 'first',
          passed: true,
          findings: residential.map((item) => ({ item, passed: true, note: null })),
          deficiencies: [],
          at: dates.recorded.toISOString(),
        },
      },
    ]);
  });

  it('each failed item becomes a deficiency with its note', () => {
    const findings = failing('no-view-into-private-spaces', ' دوربین ۳ رو به پنجره همسايه ');
    const [event] = spec.given(history.scheduled()).when(record(findings)).thenEvents();
    expect(event).toMatchObject({
      type: 'InspectionRecorded',
      data: { passed: false, deficiencies: [{ item: 'no-view-into-private-spaces', note: 'دوربین 3 رو به پنجره همسایه' }] },
    });
  });

  it("a public place is not asked for the residents' consent", () => {
    const publicPlace = checklistFor(false);
    expect(spec.given(history.scheduled()).when(record(allPassed(publicPlace), publicPlace)).thenEvents()).toMatchObject([
      { data: { passed: true } },
    ]);
  });

  it("a residential building must answer the residents' consent item", () =>
    expect(findingsError(record(allPassed(checklistFor(false))))).toMatchObject({
      kind: 'invalid',
      code: 'checklist-incomplete',
      field: 'findings',
    }));

  it('an inspector the inspection was not assigned to may not record it', () =>
    expect(findingsError(record(allPassed(residential), residential, 'insp-1', dates.recorded, 'inspector-99'))).toMatchObject({
      kind: 'forbidden',
      code: 'not-your-inspection',
    }));

  it('an item that is not on the checklist is refused', () =>
    expect(findingsError(record([...allPassed(residential), { item: 'coffee-machine', passed: true }]))).toMatchObject({
      code: 'unknown-checklist-item',
      field: 'findings',
    }));

  it('an item answered twice is refused', () =>
    expect(findingsError(record([...allPassed(residential), { item: 'power-backup', passed: false, note: 'x' }]))).toMatchObject({
      code: 'finding-repeated',
      field: 'findings',
    }));

  it('a failed item without a note is refused', () =>
    expect(findingsError(record(failing('power-backup', '  ')))).toMatchObject({
      code: 'deficiency-note-required',
      field: 'findings',
    }));

  it('an empty checklist is refused', () =>
    expect(findingsError(record([], []))).toMatchObject({ code: 'checklist-empty', field: 'checklist' }));

  it('findings for another inspection than the scheduled one are refused', () =>
    spec
      .given(history.scheduled())
      .when(record(allPassed(residential), residential, 'insp-x'))
      .thenThrows('not-the-scheduled-inspection', 'conflict'));

  it('given a request whose inspection is not scheduled yet, findings are refused', () =>
    spec.given(history.requested()).when(record(allPassed(residential))).thenThrows('no-inspection-scheduled', 'conflict'));

  it('given findings already recorded, recording them again is refused', () =>
    spec.given(history.recorded([])).when(record(allPassed(residential))).thenThrows('no-inspection-scheduled', 'conflict'));

  it('a re-inspection is recorded as such', () => {
    const reported = new Date('2025-07-01T06:00:00Z');
    expect(
      spec
        .given([...history.temporary(), remediationReported(reported), scheduled('reinspection', 'insp-2', reported)])
        .when(record(allPassed(residential), residential, 'insp-2', new Date('2025-07-03T06:00:00Z')))
        .thenEvents(),
    ).toMatchObject([{ data: { purpose: 'reinspection', inspectionId: 'insp-2', passed: true } }]);
  });
});
