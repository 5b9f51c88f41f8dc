import { DOCUMENT_LABELS_FA, isDocumentKind } from '@cctv/union-domain';

type Data = Record<string, unknown>;

const doc = (kind: unknown) => (typeof kind === 'string' && isDocumentKind(kind) ? DOCUMENT_LABELS_FA[kind] : String(kind));
// Deficiencies read by the inspector's note (Persian); the checklist code only when there is none.
const list = (items: unknown) =>
  Array.isArray(items) ? items.map((i) => (typeof i === 'string' ? i : String((i as Data).note || (i as Data).item))).join('، ') : '';

/** How each step reads in a file's history, for the union's clerks and the owner. */
export const TIMELINE_TEXT_FA: Record<string, (d: Data) => string> = {
  FileOpened: (d) => `پرونده ${d.fileNumber} در اتحادیه تشکیل شد`,
  DocumentSubmitted: (d) => `مدرک «${doc(d.documentKind)}» تحویل شد`,
  DocumentAccepted: (d) => `مدرک «${doc(d.documentKind)}» بررسی و پذیرفته شد`,
  DocumentRequestedAgain: (d) => `مدرک «${doc(d.documentKind)}» دوباره درخواست شد: ${d.reason}`,
  InstallationApproved: () => 'نصب توسط اتحادیه تأیید شد (معتبر پس از امضای دبیرخانه)',
  InstallationRefused: (d) => `درخواست نصب رد شد: ${list(d.reasons)}`,
  'secretariat.InstallationQueuedForSigning.v1': () => 'تأییدیه نصب در صف امضای دبیرخانه قرار گرفت',
  'secretariat.InstallationPermitSigned.v1': (d) => `مجوز نصب توسط دبیرخانه امضا و هولوگرام ${d.hologramSerial} الصاق شد`,
  'secretariat.OperationPermitRequested.v1': () => 'درخواست کتبی مجوز بهره‌برداری به دبیرخانه رسید',
  'secretariat.InspectionScheduled.v1': (d) =>
    d.purpose === 'reinspection' ? 'بازدید مجدد کارشناسی زمان‌بندی شد' : d.purpose === 'renewal' ? 'بازدید تمدید زمان‌بندی شد' : 'بازدید کارشناسی زمان‌بندی شد',
  'secretariat.InspectionRecorded.v1': (d) =>
    d.passed ? 'بازدید کارشناسی بدون نقص ثبت شد' : `بازدید کارشناسی با نواقص ثبت شد: ${list(d.deficiencies)}`,
  'secretariat.OperationPermitGranted.v1': (d) =>
    d.kind === 'main' ? 'دبیرخانه مجوز اصلی بهره‌برداری (دو ساله) را صادر کرد' : 'دبیرخانه مجوز موقت بهره‌برداری (شش ماهه) را صادر کرد',
  'secretariat.OperationPermitRefused.v1': (d) => `درخواست مجوز بهره‌برداری رد شد: ${list(d.reasons)}`,
  'secretariat.RemediationReported.v1': () => 'مالک رفع نواقص را اعلام کرد',
  'secretariat.RenewalRequested.v1': () => 'درخواست تمدید مجوز اصلی ثبت شد',
  'secretariat.PermitRevoked.v1': (d) => `دبیرخانه مجوز را ابطال کرد: ${d.reason}`,
  'issuance.PermitIssued.v1': (d) =>
    `مجوز ${d.permitNumber} در دفتر مجوزها ثبت شد؛ معتبر تا پایان ${d.validThroughJalali}`,
  'issuance.PermitSuperseded.v1': (d) => `مجوز ${d.permitNumber} با مجوز جدید جایگزین شد`,
  'issuance.PermitRevoked.v1': (d) => `مجوز ${d.permitNumber} در دفتر مجوزها باطل شد`,
  'issuance.PermitLapsed.v1': (d) => `مهلت مجوز ${d.permitNumber} به پایان رسید و از اعتبار افتاد`,
  'issuance.PermitExpired.v1': (d) => `مجوز ${d.permitNumber} منقضی شد`,
};

/** The file's overall status after a step, for lists and filters; undefined = unchanged. */
export const STATUS_AFTER: Record<string, (d: Data) => string | undefined> = {
  FileOpened: () => 'open',
  InstallationApproved: () => 'approved',
  InstallationRefused: () => 'refused',
  'secretariat.InstallationQueuedForSigning.v1': () => 'awaiting-signature',
  'secretariat.InstallationPermitSigned.v1': () => 'installation-permit-signed',
  'secretariat.OperationPermitRequested.v1': () => 'operation-requested',
  'secretariat.InspectionScheduled.v1': () => 'inspection-scheduled',
  'secretariat.InspectionRecorded.v1': () => 'inspection-recorded',
  'secretariat.OperationPermitRefused.v1': () => 'operation-refused',
  'secretariat.RemediationReported.v1': () => 'remediation-reported',
  'secretariat.RenewalRequested.v1': () => 'renewal-requested',
  'secretariat.PermitRevoked.v1': () => 'revoked',
  'issuance.PermitIssued.v1': (d) => (d.permitType === 'operation' ? `${d.kind}-operation-permit` : undefined),
  'issuance.PermitLapsed.v1': () => 'permit-lapsed',
  'issuance.PermitExpired.v1': () => 'permit-expired',
};

export const STATUS_FA: Record<string, string> = {
  open: 'در حال بررسی مدارک',
  approved: 'تأیید اتحادیه، در انتظار امضای دبیرخانه',
  refused: 'رد شده توسط اتحادیه',
  'awaiting-signature': 'در صف امضای دبیرخانه',
  'installation-permit-signed': 'مجوز نصب معتبر',
  'operation-requested': 'درخواست مجوز بهره‌برداری',
  'inspection-scheduled': 'بازدید زمان‌بندی شده',
  'inspection-recorded': 'بازدید انجام شده',
  'operation-refused': 'مجوز بهره‌برداری رد شده',
  'remediation-reported': 'رفع نواقص اعلام شده',
  'renewal-requested': 'درخواست تمدید',
  revoked: 'ابطال شده',
  'temporary-operation-permit': 'دارای مجوز موقت بهره‌برداری',
  'main-operation-permit': 'دارای مجوز اصلی بهره‌برداری',
  'permit-lapsed': 'مجوز از اعتبار افتاده',
  'permit-expired': 'مجوز منقضی',
};
