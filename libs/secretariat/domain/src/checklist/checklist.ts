/**
 * The site-inspection checklist. The page names no items; these are the
 * defaults of DOMAIN.md, kept as configuration the secretariat can change,
 * which is why an item is a plain string and the list is passed in.
 */
export type ChecklistItem = string;

export interface ChecklistEntry {
  readonly item: ChecklistItem;
  readonly labelFa: string;
  readonly labelEn: string;
  /** Asked only of residential buildings. */
  readonly residentialOnly: boolean;
}

export const DEFAULT_CHECKLIST: readonly ChecklistEntry[] = [
  {
    item: 'cameras-visible',
    labelFa: 'دوربین‌ها آشکار نصب شده‌اند و هیچ دوربین پنهانی نیست',
    labelEn: 'Cameras are visible; none is hidden',
    residentialOnly: false,
  },
  {
    item: 'no-view-into-private-spaces',
    labelFa: 'هیچ دوربینی به داخل منازل، ملک همسایگان یا فضاهای خصوصی (سرویس بهداشتی، رختکن) دید ندارد',
    labelEn: "No field of view into homes, neighbours' property or private spaces (toilets, changing rooms)",
    residentialOnly: false,
  },
  {
    item: 'cctv-sign-posted',
    labelFa: 'تابلوی «این مکان با دوربین مداربسته پایش می‌شود» نصب شده است',
    labelEn: 'The "this place is monitored by CCTV" sign is posted',
    residentialOnly: false,
  },
  {
    item: 'recording-retention',
    labelFa: 'تصاویر به مدت تعیین‌شده نگهداری می‌شوند',
    labelEn: 'Recordings are kept for the configured number of days',
    residentialOnly: false,
  },
  {
    item: 'recorder-secured',
    labelFa: 'دستگاه ضبط رمز عبور دارد، ساعت آن درست است و تاریخ و ساعت روی تصاویر ثبت می‌شود',
    labelEn: 'The recorder has a password, a correct clock and timestamps on',
    residentialOnly: false,
  },
  {
    item: 'power-backup',
    labelFa: 'برق اضطراری (پشتیبان) برای سامانه پیش‌بینی شده است',
    labelEn: 'The system has a power backup',
    residentialOnly: false,
  },
  {
    item: 'equipment-matches-plan',
    labelFa: 'تجهیزات با نقشه مجوز نصب یکی است و نصاب دارای پروانه صنفی است',
    labelEn: 'The equipment matches the installation plan and the installer is licensed',
    residentialOnly: false,
  },
  {
    item: 'residents-consent',
    labelFa: 'رضایت ساکنان واحدهای مسکونی در پرونده موجود است',
    labelEn: "The residents' consent is on file",
    residentialOnly: true,
  },
];

/** Persian labels of the default items, for forms and printed reports. */
export const CHECKLIST_LABELS_FA: Readonly<Record<string, string>> = Object.fromEntries(
  DEFAULT_CHECKLIST.map((entry) => [entry.item, entry.labelFa]),
);

/** The items an inspection of these premises must answer. */
export const checklistFor = (
  residential: boolean,
  config: readonly ChecklistEntry[] = DEFAULT_CHECKLIST,
): readonly ChecklistItem[] => config.filter((entry) => residential || !entry.residentialOnly).map((entry) => entry.item);
