import { compareJalali, conflict, invalid, toJalaliDate } from '@cctv/kernel';
import type { ScheduleInspection } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { permitInForce, requiredInstant, requiredText, signedFile, temporaryPermitLapsed } from '../rules';
import type { SecretariatFileState } from '../state';

/** A site visit for the open request, re-inspection or renewal, by at least one inspector. */
export const scheduleInspection = (
  { data }: ScheduleInspection,
  state: SecretariatFileState,
): readonly SecretariatFileEvent[] => {
  const inspectionId = requiredText(data.inspectionId, 'inspectionId', 'شناسه بازدید');
  const scheduledFor = requiredInstant(data.scheduledFor, 'scheduledFor', 'زمان بازدید');
  const inspectorIds = [...new Set((data.inspectorIds ?? []).map((id) => id.trim()).filter((id) => id !== ''))];
  if (inspectorIds.length === 0) {
    throw invalid(
      'inspectors-required',
      'At least one inspector must be assigned',
      'دست‌کم یک کارشناس بازدید را تعیین کنید.',
      'inspectorIds',
    );
  }
  // Compared by Tehran calendar day: a visit later today is fine, yesterday is not.
  if (compareJalali(toJalaliDate(scheduledFor), toJalaliDate(data.now)) < 0) {
    throw invalid(
      'scheduled-in-the-past',
      'An inspection cannot be scheduled before today',
      'زمان بازدید نمی‌تواند پیش از امروز باشد.',
      'scheduledFor',
    );
  }
  const file = signedFile(state);
  const openCase = file.openCase;
  if (!openCase) {
    throw conflict(
      'nothing-to-inspect',
      'There is no operation permit request, remediation report or renewal request to inspect',
      'برای این پرونده درخواست مجوز بهره‌برداری، گزارش رفع نواقص یا درخواست تمدیدی ثبت نشده که بازدید لازم داشته باشد.',
    );
  }
  if (openCase.purpose === 'reinspection' && !permitInForce(file, data.now)) throw temporaryPermitLapsed();
  if (openCase.stage.step === 'awaiting-decision') {
    throw conflict(
      'inspection-already-recorded',
      'The inspection has been recorded; the permit is to be granted or refused now',
      'بازدید این درخواست انجام و ثبت شده است؛ اکنون باید درباره صدور یا رد مجوز تصمیم گرفت.',
    );
  }
  if (openCase.stage.step === 'inspection-scheduled') {
    throw conflict(
      'inspection-already-scheduled',
      'An inspection has already been scheduled for this request',
      'برای این درخواست پیش‌تر بازدید تعیین شده است.',
    );
  }
  return [
    {
      type: 'InspectionScheduled',
      data: {
        fileId: data.fileId,
        inspectionId,
        scheduledFor: scheduledFor.toISOString(),
        inspectorIds,
        purpose: openCase.purpose,
        reinspection: openCase.purpose === 'reinspection',
        at: data.now.toISOString(),
      },
    },
  ];
};
