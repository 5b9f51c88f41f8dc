import { conflict, forbidden } from '@cctv/kernel';
import type { RecordInspectionFindings } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { signedFile } from '../rules';
import type { SecretariatFileState } from '../state';
import { checkFindings, deficienciesOf } from './findings';

/** The inspectors' answers to the checklist; each failed item becomes a deficiency. */
export const recordInspectionFindings = (
  { data }: RecordInspectionFindings,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const findings = checkFindings(data.findings ?? [], data.checklist ?? []);
  const openCase = signedFile(state).openCase;
  if (openCase?.stage.step !== 'inspection-scheduled') {
    throw conflict(
      'no-inspection-scheduled',
      'No inspection is scheduled for this file',
      'برای این پرونده بازدیدی تعیین نشده است که نتیجه‌اش ثبت شود.',
    );
  }
  if (openCase.stage.inspectionId !== data.inspectionId) {
    throw conflict(
      'not-the-scheduled-inspection',
      `Inspection ${data.inspectionId} is not the one scheduled for this file`,
      'این بازدید همان بازدیدی نیست که برای این پرونده تعیین شده است.',
    );
  }
  if (!openCase.stage.inspectorIds.includes(data.recordedBy)) {
    throw forbidden(
      'not-your-inspection',
      'Only an inspector assigned to this inspection may record its findings',
      'تنها بازرسی که برای این بازدید تعیین شده است می‌تواند نتیجه آن را ثبت کند.',
    );
  }
  const deficiencies = deficienciesOf(findings);
  return [
    {
      type: 'InspectionRecorded',
      data: {
        fileId: data.fileId,
        inspectionId: data.inspectionId,
        purpose: openCase.purpose,
        passed: deficiencies.length === 0,
        findings,
        deficiencies,
        at: data.now.toISOString(),
      },
    },
  ];
};
