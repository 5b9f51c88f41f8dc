/** The documents the union may ask an owner for (DOMAIN.md, "Required documents"). */
export const DOCUMENT_KINDS = [
  'owner-national-id-card',
  'premises-right',
  'assembly-approval',
  'camera-plan',
  'installer-licence',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const isDocumentKind = (value: string): value is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(value);

/** How a clerk names each document on a form or in a letter. */
export const DOCUMENT_LABELS_FA: Readonly<Record<DocumentKind, string>> = {
  'owner-national-id-card': 'کارت ملی مالک',
  'premises-right': 'مدرک حق بر ملک (سند مالکیت، یا اجاره‌نامه با رضایت مالک)',
  'assembly-approval': 'صورتجلسه مجمع عمومی یا هیئت مدیره ساختمان و نامه مدیر ساختمان',
  'camera-plan': 'نقشه جانمایی دوربین‌ها (محل، زاویه دید، دستگاه ضبط)',
  'installer-licence': 'پروانه کسب صنفی نصاب',
};
