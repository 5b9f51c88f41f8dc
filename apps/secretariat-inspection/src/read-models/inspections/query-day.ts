import { formatJalali, invalid, parseJalali, toAsciiDigits } from '@cctv/kernel';
import { jalaliDay } from '../../secretariat-file/jalali';

const JALALI = /^\d{4}\/\d{1,2}\/\d{1,2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Tehran calendar day a clerk asks about, as 'YYYY/MM/DD' Jalali: typed as
 * a Jalali day in any digits ('۱۴۰۴/۲/۸') or as an ISO (Gregorian) date.
 */
export const jalaliDayOf = (input: string, field = 'date'): string => {
  const text = toAsciiDigits(input).trim();
  if (JALALI.test(text)) return formatJalali(parseJalali(text, field));
  // Noon UTC falls on the same calendar day in Tehran (UTC+03:30).
  const noon = ISO_DATE.test(text) ? new Date(`${text}T12:00:00Z`) : new Date(NaN);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== text) {
    throw invalid(
      'invalid-date',
      `${field}: "${input}" is neither a Jalali day (YYYY/MM/DD) nor an ISO date (YYYY-MM-DD)`,
      'تاریخ درست نیست؛ آن را به شکل ۱۴۰۴/۰۲/۰۸ بنویسید.',
      field,
    );
  }
  return jalaliDay(noon);
};
