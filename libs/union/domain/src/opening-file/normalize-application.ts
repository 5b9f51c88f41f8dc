import {
  invalid,
  isBlankText,
  normalizeLegalEntityId,
  normalizeMobile,
  normalizeNationalId,
  normalizePersianText,
  normalizePostalCode,
} from '@cctv/kernel';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../documents/document-kinds';
import {
  MAX_CAMERAS,
  type Application,
  type Camera,
  type Installer,
  type OwnerIdentity,
  type PlannedSystem,
  type Premises,
} from './application';

/**
 * Validates an application and returns it in the one spelling we store:
 * ASCII digits, Persian yeh and kaf, single spaces. Each refusal names the
 * form field so the clerk can correct exactly that box.
 */
export const normalizeApplication = (application: Application): Application => ({
  owner: normalizeOwner(application.owner),
  premises: normalizePremises(application.premises),
  system: normalizeSystem(application.system),
  installer: normalizeInstaller(application.installer),
  requiredDocuments: normalizeRequiredDocuments(application.requiredDocuments),
});

/** A text the form must not leave empty, nor fill with characters no one can see. */
export const requiredText = (value: unknown, field: string, labelFa: string): string => {
  const text = typeof value === 'string' ? normalizePersianText(value) : '';
  if (isBlankText(text)) {
    throw invalid('required-field', `${field} is required`, `${labelFa} باید وارد شود.`, field);
  }
  return text;
};

const normalizeOwner = (owner: OwnerIdentity): OwnerIdentity => {
  const mobile = normalizeMobile(String(owner.mobile ?? ''), 'owner.mobile');
  switch (owner.kind) {
    case 'person':
      return {
        kind: 'person',
        nationalId: normalizeNationalId(String(owner.nationalId ?? ''), 'owner.nationalId'),
        firstName: requiredText(owner.firstName, 'owner.firstName', 'نام مالک'),
        lastName: requiredText(owner.lastName, 'owner.lastName', 'نام خانوادگی مالک'),
        mobile,
      };
    case 'legal-entity':
      return {
        kind: 'legal-entity',
        nationalId: normalizeLegalEntityId(String(owner.nationalId ?? ''), 'owner.nationalId'),
        name: requiredText(owner.name, 'owner.name', 'نام شخص حقوقی'),
        representativeName: requiredText(owner.representativeName, 'owner.representativeName', 'نام نماینده'),
        mobile,
      };
    default:
      throw invalid(
        'invalid-owner-kind',
        'owner.kind must be "person" or "legal-entity"',
        'نوع مالک باید شخص حقیقی یا شخص حقوقی باشد.',
        'owner.kind',
      );
  }
};

const normalizePremises = (premises: Premises): Premises => {
  if (premises.kind !== 'shared-building' && premises.kind !== 'public-place') {
    throw invalid(
      'invalid-premises-kind',
      'premises.kind must be "shared-building" or "public-place"',
      'نوع محل باید مشاعات ساختمان یا مکان عمومی باشد.',
      'premises.kind',
    );
  }
  // A public place (a shop, a hall) has no residents whose consent the assembly gives.
  if (premises.kind === 'public-place' && premises.residential) {
    throw invalid(
      'residential-public-place',
      'a public place cannot be residential',
      'مکان عمومی نمی‌تواند مسکونی باشد؛ برای ساختمان مسکونی، نوع محل را مشاعات ساختمان انتخاب کنید.',
      'premises.residential',
    );
  }
  return {
    kind: premises.kind,
    address: requiredText(premises.address, 'premises.address', 'نشانی محل'),
    postalCode: normalizePostalCode(String(premises.postalCode ?? ''), 'premises.postalCode'),
    residential: premises.residential === true,
    residentialUnits: normalizeResidentialUnits(premises),
  };
};

const normalizeResidentialUnits = (premises: Premises): number | null => {
  const units = premises.residentialUnits;
  if (premises.kind === 'shared-building' && premises.residential) {
    if (typeof units !== 'number' || !Number.isInteger(units) || units < 2) {
      throw invalid(
        'invalid-residential-units',
        'a residential shared building needs its number of units (at least 2)',
        'تعداد واحدهای مسکونی ساختمان را وارد کنید (دست‌کم ۲ واحد).',
        'premises.residentialUnits',
      );
    }
    return units;
  }
  if (units !== null && units !== undefined) {
    throw invalid(
      'unexpected-residential-units',
      'the number of residential units applies only to a residential shared building',
      'تعداد واحدهای مسکونی فقط برای ساختمان مسکونی وارد می‌شود.',
      'premises.residentialUnits',
    );
  }
  return null;
};

const normalizeSystem = (system: PlannedSystem): PlannedSystem => {
  const cameras = Array.isArray(system.cameras) ? system.cameras : [];
  if (cameras.length < 1 || cameras.length > MAX_CAMERAS) {
    throw invalid(
      'invalid-camera-count',
      `the plan must list between 1 and ${MAX_CAMERAS} cameras`,
      'فهرست دوربین‌ها باید دست‌کم یک و حداکثر ۶۴ دوربین داشته باشد.',
      'system.cameras',
    );
  }
  const retentionDays = system.recorder?.retentionDays;
  if (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < 1) {
    throw invalid(
      'invalid-retention-days',
      'the recorder retention must be a whole number of days, at least 1',
      'مدت نگهداری تصاویر باید عددی صحیح و دست‌کم یک روز باشد.',
      'system.recorder.retentionDays',
    );
  }
  return {
    cameras: cameras.map(normalizeCamera),
    recorder: {
      model: requiredText(system.recorder.model, 'system.recorder.model', 'مدل دستگاه ضبط'),
      retentionDays,
    },
  };
};

const normalizeCamera = (camera: Camera, index: number): Camera => ({
  location: requiredText(camera?.location, `system.cameras[${index}].location`, `محل نصب دوربین ${index + 1}`),
  fieldOfView: requiredText(camera?.fieldOfView, `system.cameras[${index}].fieldOfView`, `زاویه دید دوربین ${index + 1}`),
});

const normalizeInstaller = (installer: Installer): Installer => ({
  name: requiredText(installer?.name, 'installer.name', 'نام نصاب'),
  guildLicenceNumber: requiredText(installer?.guildLicenceNumber, 'installer.guildLicenceNumber', 'شماره پروانه صنفی نصاب'),
});

/** Keeps the canonical order and drops repeats, so the file lists each document once. */
const normalizeRequiredDocuments = (kinds: readonly string[]): readonly DocumentKind[] => {
  const list = Array.isArray(kinds) ? kinds : [];
  const unknown = list.filter((kind) => !isDocumentKind(kind));
  if (list.length === 0 || unknown.length > 0) {
    throw invalid(
      'invalid-required-documents',
      `the required documents must be a non-empty list of ${DOCUMENT_KINDS.join(', ')}` +
        (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
      'فهرست مدارک لازم خالی است یا مدرکی ناشناخته دارد.',
      'requiredDocuments',
    );
  }
  return DOCUMENT_KINDS.filter((kind) => list.includes(kind));
};
