import { fileEventOf, type ReadModelUpdate } from '../recorded-events';
import { jalaliDay } from '../../secretariat-file/jalali';

/** Visits as scheduled, then as recorded. */
export const updateInspections: ReadModelUpdate = (recorded, { files, inspections }) => {
  const event = fileEventOf(recorded);
  if (event?.type === 'InspectionScheduled') {
    const d = event.data;
    const file = files.get(d.fileId);
    if (!file) return;
    const scheduledFor = new Date(d.scheduledFor);
    inspections.insert({
      inspectionId: d.inspectionId,
      fileId: d.fileId,
      fileNumber: file.fileNumber,
      purpose: d.purpose,
      scheduledFor,
      scheduledDay: jalaliDay(scheduledFor),
      inspectorIds: [...d.inspectorIds],
      siteAddress: file.siteAddress,
      status: 'scheduled',
      passed: null,
      findings: [],
      recordedAt: null,
    });
  } else if (event?.type === 'InspectionRecorded') {
    const d = event.data;
    const inspection = inspections.get(d.inspectionId);
    if (!inspection) return;
    Object.assign(inspection, { status: 'recorded', passed: d.passed, findings: d.findings.map((f) => ({ ...f })), recordedAt: new Date(d.at) });
    inspections.changed(inspection);
  }
};
