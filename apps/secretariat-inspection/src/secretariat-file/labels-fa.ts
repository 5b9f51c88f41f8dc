import { CHECKLIST_LABELS_FA, type InspectionPurpose, type OperationStatus, type PremisesKind } from '@cctv/secretariat-domain';

/** What a secretariat clerk reads next to each code. */
export const OPERATION_STATUS_FA: Readonly<Record<OperationStatus['status'], string>> = {
  'not-queued': 'این پرونده در دبیرخانه نیست',
  'awaiting-signature': 'تأیید اتحادیه رسیده؛ در صف امضای مجوز نصب',
  signed: 'مجوز نصب امضا شده؛ در انتظار درخواست مجوز بهره‌برداری',
  'installation-lapsed': 'مهلت یک‌ساله مجوز نصب تمام شده است',
  'awaiting-inspection': 'در انتظار تعیین زمان بازدید',
  'inspection-scheduled': 'بازدید کارشناسی تعیین شده است',
  'awaiting-decision': 'بازدید انجام شده؛ در انتظار تصمیم درباره مجوز',
  temporary: 'دارای مجوز موقت بهره‌برداری (شش‌ماهه)',
  main: 'دارای مجوز اصلی بهره‌برداری (دوساله)',
  refused: 'درخواست مجوز بهره‌برداری رد شده است',
  revoked: 'مجوز لغو شده است',
  lapsed: 'مهلت مجوز موقت تمام شده و از اعتبار افتاده است',
  expired: 'اعتبار مجوز اصلی تمام شده است',
};

export const PREMISES_KIND_FA: Readonly<Record<PremisesKind, string>> = {
  'shared-building': 'مشاعات ساختمان',
  'public-place': 'مکان عمومی',
};

export const PERMIT_KIND_FA: Readonly<Record<'temporary' | 'main', string>> = {
  temporary: 'مجوز موقت بهره‌برداری (شش‌ماهه)',
  main: 'مجوز اصلی بهره‌برداری (دوساله)',
};

export const PURPOSE_FA: Readonly<Record<InspectionPurpose, string>> = {
  first: 'بازدید نخست',
  reinspection: 'بازدید مجدد پس از رفع نواقص',
  renewal: 'بازدید برای تمدید',
};

/** A label from a closed list, or the code itself when the list does not know it (configuration may add items). */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

/** A deficiency as a clerk reads it: the item's code, its Persian label and the inspector's note. */
export const deficiencyView = ({ item, note }: { readonly item: string; readonly note: string | null }) => ({
  item,
  labelFa: labelOf(CHECKLIST_LABELS_FA, item),
  note,
});
