import { addJalaliDays, formatJalali, toJalaliDate } from '@cctv/kernel';

/** The Tehran calendar day of an instant, 'YYYY/MM/DD'. */
export const jalaliDay = (instant: Date): string => formatJalali(toJalaliDate(instant));

/** validUntil is exclusive (Tehran midnight starting the end day): the last valid day is the one before. */
export const lastValidDay = (validUntil: Date): string => formatJalali(addJalaliDays(toJalaliDate(validUntil), -1));
