import { invalid, parseJalali, startOfJalaliDay, toAsciiDigits } from '@cctv/kernel';

const JALALI_DAY = /^\d{4}\/\d{1,2}\/\d{1,2}$/;
/** Visits start at ten in the morning unless a time is given. */
const DEFAULT_VISIT_HOUR = 10;

/**
 * A clerk may type only the Jalali day ('۱۴۰۴/۰۲/۱۵'), meaning 10:00 Tehran
 * time that day; anything else is taken as an ISO date-time and left for the
 * decider to check. Only '/' marks a Jalali day, so an ISO '2025-05-05' is
 * never mistaken for one.
 */
export const scheduledForInstant = (input: string): string => {
  const text = toAsciiDigits(input).trim();
  if (!JALALI_DAY.test(text)) return checkedIso(text);
  const dayStart = startOfJalaliDay(parseJalali(text, 'scheduledFor'));
  return new Date(dayStart.getTime() + DEFAULT_VISIT_HOUR * 3_600_000).toISOString();
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T/;
// An inspection is planned within the coming year, not in a year the calendar cannot name.
const LATEST_YEAR = 2100;

/** A calendar date that exists (no 30 February rolled into March) in a year that makes sense. */
const checkedIso = (text: string): string => {
  const parts = ISO_DATE.exec(text);
  const instant = new Date(text);
  const exists =
    parts !== null &&
    !Number.isNaN(instant.getTime()) &&
    Number(parts[1]) <= LATEST_YEAR &&
    new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))).toISOString().slice(0, 10) === text.slice(0, 10);
  if (!exists) {
    throw invalid(
      'invalid-scheduled-for',
      'scheduledFor: not an existing date-time (ISO 8601 with a time zone, or a Jalali day YYYY/MM/DD)',
      'scheduledFor: تاریخ و ساعت بازدید معتبر نیست (روز شمسی به شکل ۱۴۰۴/۰۲/۱۵ یا تاریخ ISO)',
      'scheduledFor',
    );
  }
  return text;
};
