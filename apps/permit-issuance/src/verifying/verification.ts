import { assertNever, toPersianDigits } from '@cctv/kernel';
import type { PermitStatus } from '@cctv/issuance-domain';
import type { RegisterEntry } from '../read-models/register-entry';

/**
 * What anyone holding a permit, or standing before a camera, may learn about
 * it: whether it is genuine and in force. Never the file, the owner or the
 * premises; and never a hologram serial the caller did not type, or a forger
 * could read the serial of any permit and print a matching hologram.
 */
export interface Verification {
  readonly genuine: true;
  readonly valid: boolean;
  readonly permitNumber: string;
  readonly permitType: string;
  readonly permitTypeFa: string;
  readonly kind: string;
  readonly kindFa: string;
  readonly status: PermitStatus;
  readonly statusFa: string;
  readonly issuedOnJalali: string;
  readonly validThroughJalali: string;
  /** Whether the hologram the caller typed was checked against this permit (it belongs to it). */
  readonly hologramChecked: boolean;
  /** Only when the caller typed it: the serial checked, as on record. */
  readonly hologramSerial?: string;
  readonly supersededByPermitNumber: string | null;
  /** The verdict; without a hologram serial, how to check the hologram too. */
  readonly message: string;
  readonly messageFa: string;
}

export interface NotGenuine {
  readonly genuine: false;
  readonly message: string;
  readonly messageFa: string;
}

export const UNKNOWN_PERMIT = 'No permit with these particulars is on the register: it is not genuine, or the number was mistyped.';
export const UNKNOWN_PERMIT_FA = 'مجوزی با این مشخصات در دفتر مجوزها ثبت نشده است؛ این مجوز اصیل نیست یا شماره را درست وارد نکرده‌اید.';
export const HOLOGRAM_MISMATCH = 'This hologram does not belong to this permit: the permit or the hologram may be forged.';
export const HOLOGRAM_MISMATCH_FA = 'این هولوگرام متعلق به این مجوز نیست؛ مجوز یا هولوگرام ممکن است جعلی باشد.';

const fa = (jalali: string) => toPersianDigits(jalali);

const sentenceFor = (entry: RegisterEntry): string => {
  const status = entry.status;
  switch (status) {
    case 'valid':
      return `این مجوز معتبر است؛ اعتبار آن تا پایان ${fa(entry.validThroughJalali)} است.`;
    case 'expiring':
      return `این مجوز معتبر است، اما اعتبار آن به‌زودی، در پایان ${fa(entry.validThroughJalali)}، تمام می‌شود.`;
    case 'expired':
      return `اعتبار این مجوز در پایان ${fa(entry.validThroughJalali)} تمام شده است (منقضی شده).`;
    case 'lapsed':
      return `این مجوز از اعتبار افتاده است؛ مهلت آن در پایان ${fa(entry.validThroughJalali)} به سر رسید.`;
    case 'superseded':
      return entry.supersededByPermitNumber
        ? `این مجوز دیگر معتبر نیست و مجوز ${entry.supersededByPermitNumber} جای آن را گرفته است.`
        : 'این مجوز دیگر معتبر نیست و مجوز جدیدتری جای آن را گرفته است.';
    case 'revoked':
      return 'این مجوز باطل شده است.';
    default:
      return assertNever(status);
  }
};

export const CHECK_HOLOGRAM = 'The hologram is not shown here: to check the hologram on the permit, enter the serial printed on it together with the permit number.';
export const CHECK_HOLOGRAM_FA = 'برای بررسی هولوگرام، شماره چاپ‌شده روی هولوگرام را همراه شماره مجوز وارد کنید.';

/**
 * `hologramChecked`: the caller typed the hologram's serial and it belongs to
 * this permit (found by it, or matched with the permit number); only then is
 * the serial said back.
 */
export const verificationOf = (entry: RegisterEntry, hologramChecked: boolean): Verification => ({
  genuine: true,
  valid: entry.status === 'valid' || entry.status === 'expiring',
  permitNumber: entry.permitNumber,
  permitType: entry.permitType,
  permitTypeFa: entry.permitTypeFa,
  kind: entry.kind,
  kindFa: entry.kindFa,
  status: entry.status,
  statusFa: entry.statusFa,
  issuedOnJalali: entry.issuedOnJalali,
  validThroughJalali: entry.validThroughJalali,
  hologramChecked,
  ...(hologramChecked ? { hologramSerial: entry.hologramSerial } : {}),
  supersededByPermitNumber: entry.supersededByPermitNumber,
  message: hologramChecked
    ? `Permit ${entry.permitNumber} is on the register (${entry.status}) and the hologram ${entry.hologramSerial} belongs to it.`
    : `Permit ${entry.permitNumber} is on the register (${entry.status}). ${CHECK_HOLOGRAM}`,
  messageFa: hologramChecked
    ? `${sentenceFor(entry)} هولوگرام ${entry.hologramSerial} متعلق به همین مجوز است.`
    : `${sentenceFor(entry)} ${CHECK_HOLOGRAM_FA}`,
});
