import { parseJalali, startOfJalaliDay, toAsciiDigits } from '@cctv/kernel';

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
  if (!JALALI_DAY.test(text)) return text;
  const dayStart = startOfJalaliDay(parseJalali(text, 'scheduledFor'));
  return new Date(dayStart.getTime() + DEFAULT_VISIT_HOUR * 3_600_000).toISOString();
};
