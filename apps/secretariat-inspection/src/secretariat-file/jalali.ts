import { addJalaliDays, formatJalali, toJalaliDate } from '@cctv/kernel';

/** The Tehran calendar day of an instant, 'YYYY/MM/DD'. */
export const jalaliDay = (instant: Date): string => formatJalali(toJalaliDate(instant));

/** validUntil is exclusive (Tehran midnight starting the end day): the last valid day is the one before. */
export const lastValidDay = (validUntil: Date): string => formatJalali(addJalaliDays(toJalaliDate(validUntil), -1));

const TEHRAN_TIME = new Intl.DateTimeFormat('en-GB-u-nu-latn', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Wall-clock time in Tehran, 'HH:mm', for a visit's hour. */
export const tehranTime = (instant: Date): string => TEHRAN_TIME.format(instant);
