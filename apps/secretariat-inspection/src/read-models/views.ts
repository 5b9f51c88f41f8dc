import { CHECKLIST_LABELS_FA } from '@cctv/secretariat-domain';
import { jalaliDay, tehranTime } from '../secretariat-file/jalali';
import { labelOf, PURPOSE_FA } from '../secretariat-file/labels-fa';
import type { InspectionRow } from './inspections/inspection.row';

export const INSPECTION_STATUS_FA: Readonly<Record<InspectionRow['status'], string>> = {
  scheduled: 'تعیین شده، انجام نشده',
  recorded: 'انجام و ثبت شده',
};

export const inspectionView = (row: InspectionRow) => ({
  inspectionId: row.inspectionId,
  fileId: row.fileId,
  fileNumber: row.fileNumber,
  purpose: row.purpose,
  purposeFa: PURPOSE_FA[row.purpose],
  scheduledFor: row.scheduledFor.toISOString(),
  scheduledForJalali: row.scheduledDay,
  scheduledTimeTehran: tehranTime(row.scheduledFor),
  inspectorIds: row.inspectorIds,
  siteAddress: row.siteAddress,
  status: row.status,
  statusFa: INSPECTION_STATUS_FA[row.status],
  passed: row.passed,
  findings: row.findings.map((f) => ({ item: f.item, labelFa: labelOf(CHECKLIST_LABELS_FA, f.item), passed: f.passed, note: f.note })),
  recordedAt: row.recordedAt?.toISOString() ?? null,
  recordedAtJalali: row.recordedAt ? jalaliDay(row.recordedAt) : null,
});
