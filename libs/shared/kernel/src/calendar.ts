import { d2j, isValidJalaaliDate, j2d, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { invalid } from './errors';
import { toAsciiDigits, toPersianDigits } from './text';

/**
 * Legal dates are Solar Hijri (Jalali) days in Tehran; instants are stored in
 * UTC. Iran observed daylight saving time until 2022, so the Tehran offset of
 * an instant comes from the time-zone database (Intl), never a constant.
 */
export interface JalaliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const TEHRAN_FIELDS = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const tehranGregorianDay = (instant: Date): { gy: number; gm: number; gd: number } => {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const parts = TEHRAN_FIELDS.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { gy: field('year'), gm: field('month'), gd: field('day') };
};

/** Julian day number: a day count that makes day arithmetic and comparison trivial. */
const dayNumber = (date: JalaliDate): number => j2d(date.year, date.month, date.day);
const fromDayNumber = (jdn: number): JalaliDate => {
  const { jy, jm, jd } = d2j(jdn);
  return { year: jy, month: jm, day: jd };
};

export const toJalaliDate = (instant: Date): JalaliDate => {
  const { gy, gm, gd } = tehranGregorianDay(instant);
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return { year: jy, month: jm, day: jd };
};

export const compareJalali = (a: JalaliDate, b: JalaliDate): number => dayNumber(a) - dayNumber(b);

export const isValidJalaliDate = (date: JalaliDate): boolean =>
  [date.year, date.month, date.day].every(Number.isInteger) && isValidJalaaliDate(date.year, date.month, date.day);

const OFFSET_PROBES_MS = [-36, 36].map((hours) => hours * 3_600_000);

/**
 * Tehran midnight in UTC. Around a daylight-saving change the offset differs
 * on the two sides of the day boundary; the clocks moved at midnight, so the
 * day may start at 01:00 local. We try the offset in force a day and a half
 * on either side and keep the candidate that really is the first instant of
 * the day.
 */
export const startOfJalaliDay = (date: JalaliDate): Date => {
  const { gy, gm, gd } = toGregorian(date.year, date.month, date.day);
  const utcMidnight = Date.UTC(gy, gm - 1, gd);
  const target = dayNumber(date);
  const starts = OFFSET_PROBES_MS.map((probe) => utcMidnight - tehranOffsetMs(new Date(utcMidnight + probe)))
    .filter(
      (candidate) =>
        dayNumber(toJalaliDate(new Date(candidate))) === target &&
        dayNumber(toJalaliDate(new Date(candidate - 1))) === target - 1,
    )
    .sort((a, b) => a - b);
  if (starts.length === 0) throw new RangeError(`No Tehran midnight found for ${formatJalali(date)}`);
  return new Date(starts[0]);
};

const TEHRAN_WALL_CLOCK = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** Tehran wall-clock time minus UTC, in milliseconds, at the given instant. */
export const tehranOffsetMs = (instant: Date): number => {
  const parts = TEHRAN_WALL_CLOCK.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return wall - wholeSeconds;
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export const formatJalali = (date: JalaliDate): string =>
  `${pad(date.year, 4)}/${pad(date.month, 2)}/${pad(date.day, 2)}`;

export const formatJalaliFa = (date: JalaliDate): string => toPersianDigits(formatJalali(date));

export const parseJalali = (text: string, field?: string): JalaliDate => {
  const match = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(toAsciiDigits(text).trim());
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!date || !isValidJalaliDate(date)) {
    throw invalid(
      'invalid-jalali-date',
      `"${text}" is not a valid Jalali date (expected YYYY/MM/DD)`,
      'تاریخ واردشده معتبر نیست؛ تاریخ را به شکل ۱۴۰۴/۰۲/۱۰ بنویسید.',
      field,
    );
  }
  return date;
};

export const addJalaliDays = (date: JalaliDate, days: number): JalaliDate => fromDayNumber(dayNumber(date) + days);

export const jalaliMonthLength = (year: number, month: number): number => jalaaliMonthLength(year, month);

/** The same day-of-month `months` later, or that month's last day where it has fewer days. */
export const addJalaliMonths = (date: JalaliDate, months: number): JalaliDate => {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return { year, month, day: Math.min(date.day, jalaliMonthLength(year, month)) };
};

export interface ValidityWindow {
  /** Tehran day of issue. */
  readonly issuedOn: JalaliDate;
  /** From the start of this day the permit is no longer valid. */
  readonly endDate: JalaliDate;
  /** The last valid day: the day before endDate. */
  readonly validThrough: JalaliDate;
  /** The issue instant. */
  readonly validFrom: Date;
  /** Exclusive: Tehran midnight starting endDate. */
  readonly validUntil: Date;
}

export const validityWindow = (issuedAt: Date, months: number): ValidityWindow => {
  const issuedOn = toJalaliDate(issuedAt);
  const endDate = addJalaliMonths(issuedOn, months);
  return {
    issuedOn,
    endDate,
    validThrough: addJalaliDays(endDate, -1),
    validFrom: new Date(issuedAt.getTime()),
    validUntil: startOfJalaliDay(endDate),
  };
};

/** Validity in Jalali months, by kind of permit (DOMAIN.md). */
export const PERMIT_MONTHS = { installation: 12, temporary: 6, main: 24 } as const;
/** A permit is "expiring" in this many days before its end date. */
export const EXPIRING_DAYS = 30;
/** A main permit may be renewed from this many days before its end date. */
export const RENEWAL_WINDOW_DAYS = 60;

/** Whole Tehran calendar days from `now`'s day until the end date; 0 once ended. */
export const daysLeft = (validUntil: Date, now: Date): number => {
  if (now.getTime() >= validUntil.getTime()) return 0;
  return Math.max(0, compareJalali(toJalaliDate(validUntil), toJalaliDate(now)));
};
