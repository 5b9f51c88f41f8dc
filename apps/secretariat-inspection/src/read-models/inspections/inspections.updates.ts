import { SecretariatFileRow } from '../files/secretariat-file.row';
import { fileEventOf, type ReadModelUpdate } from '../recorded-events';
import { jalaliDay } from '../../secretariat-file/jalali';
import { InspectionRow } from './inspection.row';

/** Visits as scheduled, then as recorded. */
export const updateInspections: ReadModelUpdate = async (recorded, em) => {
  const event = fileEventOf(recorded);
  const inspections = em.getRepository(InspectionRow);
  if (event?.type === 'InspectionScheduled') {
    const d = event.data;
    const file = await em.getRepository(SecretariatFileRow).findOneBy({ fileId: d.fileId });
    if (!file) return;
    const scheduledFor = new Date(d.scheduledFor);
    await inspections.insert({
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
    await inspections.update(
      { inspectionId: d.inspectionId },
      { status: 'recorded', passed: d.passed, findings: d.findings.map((f) => ({ ...f })), recordedAt: new Date(d.at) },
    );
  }
};
