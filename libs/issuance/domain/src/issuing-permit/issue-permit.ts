import { conflict, formatJalali, invalid, PERMIT_MONTHS, validityWindow } from '@cctv/kernel';
import type { Deficiency, IssuePermit } from '../permit/commands';
import type { PermitIssued } from '../permit/events';
import { requireText, requireTime } from '../permit/guards';
import type { IssuedPermit, PermitState } from '../permit/state';
import { parsePermitNumber } from './permit-number';

/**
 * The register records a permit the secretariat signed. Deliveries repeat, so
 * the same permit arriving again changes nothing; different data under an id
 * already used is a conflict.
 */
export const issuePermit = ({ data }: IssuePermit, state: PermitState): readonly PermitIssued[] => {
  const issued = permitIssuedFrom(data);
  if (state.status === 'none') return [issued];
  if (sameIssue(state.permit, issued.data)) return [];
  throw conflict(
    'permit-already-issued',
    `Permit ${state.permit.permitId} was already issued as ${state.permit.permitNumber} with different data`,
    `مجوز ${state.permit.permitNumber} پیش‌تر با مشخصات دیگری صادر شده است.`,
  );
};

const permitIssuedFrom = (data: IssuePermit['data']): PermitIssued => {
  const permitId = requireText(data.permitId, 'permitId', 'شناسه مجوز');
  const permitNumber = requireText(data.permitNumber, 'permitNumber', 'شماره مجوز').toUpperCase();
  const issuedAt = requireTime(data.issuedAt, 'issuedAt');
  requireConsistentKind(data);
  if (parsePermitNumber(permitNumber)?.kind !== data.kind) {
    throw invalid(
      'invalid-permit-number',
      `"${permitNumber}" is not a ${data.kind} permit number (e.g. KR-OM-1404-000123)`,
      'شماره مجوز با نوع مجوز نمی‌خواند یا قالب آن درست نیست.',
      'permitNumber',
    );
  }
  const supersedesPermitId = requireSupersedable(data, permitId);
  const window = validityWindow(issuedAt, PERMIT_MONTHS[data.kind]);
  return {
    type: 'PermitIssued',
    data: {
      permitId,
      permitNumber,
      fileId: requireText(data.fileId, 'fileId', 'شناسه پرونده'),
      permitType: data.permitType,
      kind: data.kind,
      hologramSerial: requireText(data.hologramSerial, 'hologramSerial', 'شماره هولوگرام'),
      supersedesPermitId,
      deficiencies: requireDeficiencies(data),
      issuedAt: issuedAt.toISOString(),
      validFrom: window.validFrom.toISOString(),
      validUntil: window.validUntil.toISOString(),
      issuedOn: formatJalali(window.issuedOn),
      validThrough: formatJalali(window.validThrough),
      endDate: formatJalali(window.endDate),
      at: issuedAt.toISOString(),
    },
  };
};

/** An installation permit is of kind 'installation'; an operation permit is temporary or main. */
const requireConsistentKind = ({ permitType, kind }: IssuePermit['data']): void => {
  const consistent =
    (permitType === 'installation' && kind === 'installation') ||
    (permitType === 'operation' && (kind === 'temporary' || kind === 'main'));
  if (!consistent) {
    throw invalid(
      'kind-mismatch',
      `a ${permitType} permit cannot be of kind ${kind}`,
      'نوع مجوز با گونه آن نمی‌خواند (مجوز نصب، یا مجوز بهره‌برداری موقت یا اصلی).',
      'kind',
    );
  }
};

/** A temporary permit exists because of deficiencies and lists them; the others list none. */
const requireDeficiencies = ({ kind, deficiencies }: IssuePermit['data']): readonly Deficiency[] => {
  const list = (Array.isArray(deficiencies) ? deficiencies : []).map((deficiency, index) => ({
    item: requireText(deficiency?.item, `deficiencies[${index}].item`, 'مورد نقص'),
    note: typeof deficiency?.note === 'string' ? deficiency.note.trim() : '',
  }));
  if (kind === 'temporary' && list.length === 0) {
    throw invalid(
      'deficiencies-required',
      'a temporary permit lists the deficiencies to remedy',
      'مجوز موقت باید نواقصی را که مالک باید برطرف کند فهرست کند.',
      'deficiencies',
    );
  }
  if (kind !== 'temporary' && list.length > 0) {
    throw invalid(
      'unexpected-deficiencies',
      `a ${kind} permit lists no deficiencies`,
      'این نوع مجوز فهرست نواقص ندارد؛ با وجود نقص، مجوز موقت صادر می‌شود.',
      'deficiencies',
    );
  }
  return list;
};

/** Only an operation permit replaces an earlier one (the temporary, or a main one on renewal). */
const requireSupersedable = ({ kind, supersedesPermitId }: IssuePermit['data'], permitId: string): string | null => {
  if (supersedesPermitId === null || supersedesPermitId === undefined) return null;
  const supersedes = requireText(supersedesPermitId, 'supersedesPermitId', 'مجوز جایگزین‌شده');
  if (kind === 'installation' || supersedes === permitId) {
    throw invalid(
      'invalid-supersedes',
      kind === 'installation' ? 'an installation permit supersedes no other permit' : 'a permit cannot supersede itself',
      'مجوز جایگزین‌شده معتبر نیست.',
      'supersedesPermitId',
    );
  }
  return supersedes;
};

/** Field by field, because a stored event may come back with its keys in another order. */
const sameIssue = (recorded: IssuedPermit, again: IssuedPermit): boolean =>
  recorded.permitNumber === again.permitNumber &&
  recorded.permitType === again.permitType &&
  recorded.kind === again.kind &&
  recorded.fileId === again.fileId &&
  recorded.hologramSerial === again.hologramSerial &&
  recorded.issuedAt === again.issuedAt &&
  recorded.supersedesPermitId === again.supersedesPermitId &&
  recorded.deficiencies.length === again.deficiencies.length &&
  recorded.deficiencies.every(
    (deficiency, index) => deficiency.item === again.deficiencies[index].item && deficiency.note === again.deficiencies[index].note,
  );
