import {
  addJalaliDays,
  daysLeft,
  formatJalali,
  formatJalaliFa,
  jalaliMonthLength,
  parseJalali,
  PERMIT_MONTHS,
  startOfJalaliDay,
  toJalaliDate,
  validityWindow,
} from './calendar';
import { DomainError } from './errors';

const jalali = (year: number, month: number, day: number) => ({ year, month, day });

describe('Tehran calendar days', () => {
  // 1404/02/10 is 2025-04-30; in 2025 Tehran keeps +03:30 all year.
  it('an instant one millisecond before Tehran midnight still belongs to the previous day', () => {
    expect(toJalaliDate(new Date('2025-04-29T20:29:59.999Z'))).toEqual(jalali(1404, 2, 9));
  });

  it('an instant at Tehran midnight belongs to the new day, although it is still the previous day in UTC', () => {
    expect(toJalaliDate(new Date('2025-04-29T20:30:00.000Z'))).toEqual(jalali(1404, 2, 10));
  });

  it('a Tehran day starts at 20:30 UTC the evening before when no daylight saving applies', () => {
    expect(startOfJalaliDay(jalali(1404, 2, 10)).toISOString()).toBe('2025-04-29T20:30:00.000Z');
  });

  it('in a daylight-saving summer (1400) a Tehran day starts at 19:30 UTC', () => {
    // 1400/04/30 is 2021-07-21; Tehran was on +04:30.
    expect(startOfJalaliDay(jalali(1400, 4, 30)).toISOString()).toBe('2021-07-20T19:30:00.000Z');
    expect(toJalaliDate(new Date('2021-07-20T19:29:59.999Z'))).toEqual(jalali(1400, 4, 29));
    expect(toJalaliDate(new Date('2021-07-20T19:30:00.000Z'))).toEqual(jalali(1400, 4, 30));
  });

  it('on the day clocks moved forward at midnight (1400/01/02) the day starts at the old offset', () => {
    // At 00:00 +03:30 on 2021-03-22 the clocks jumped to 01:00 +04:30.
    expect(startOfJalaliDay(jalali(1400, 1, 2)).toISOString()).toBe('2021-03-21T20:30:00.000Z');
  });

  it('on the day clocks moved back (1400/06/31) the day starts at standard-time midnight', () => {
    // At 00:00 +04:30 on 2021-09-22 the clocks went back to 23:00 +03:30 of the 21st.
    expect(startOfJalaliDay(jalali(1400, 6, 31)).toISOString()).toBe('2021-09-21T20:30:00.000Z');
    expect(startOfJalaliDay(jalali(1400, 6, 30)).toISOString()).toBe('2021-09-20T19:30:00.000Z');
  });

  it('every day from 1350 to 1420 starts exactly where the previous day ends', () => {
    let day = jalali(1350, 1, 1);
    const failures: string[] = [];
    while (day.year < 1421) {
      const start = startOfJalaliDay(day);
      const sameDay = toJalaliDate(start);
      const dayBefore = toJalaliDate(new Date(start.getTime() - 1));
      if (formatJalali(sameDay) !== formatJalali(day) || formatJalali(dayBefore) !== formatJalali(addJalaliDays(day, -1))) {
        failures.push(formatJalali(day));
      }
      day = addJalaliDays(day, 1);
    }
    expect(failures).toEqual([]);
  });
});

describe('Jalali month lengths', () => {
  it('the first six months have 31 days and the next five 30', () => {
    expect([1, 6, 7, 11].map((month) => jalaliMonthLength(1404, month))).toEqual([31, 31, 30, 30]);
  });

  it('Esfand has 30 days in the leap year 1403 and 29 in the common year 1404', () => {
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
  });

  it('adding days crosses months and years', () => {
    expect(addJalaliDays(jalali(1403, 12, 29), 1)).toEqual(jalali(1403, 12, 30));
    expect(addJalaliDays(jalali(1404, 12, 29), 1)).toEqual(jalali(1405, 1, 1));
    expect(addJalaliDays(jalali(1404, 1, 1), -1)).toEqual(jalali(1403, 12, 30));
  });
});

describe('writing and reading Jalali dates', () => {
  it('formats with zero-padded month and day, in Latin or Persian digits', () => {
    expect(formatJalali(jalali(1404, 2, 10))).toBe('1404/02/10');
    expect(formatJalaliFa(jalali(1404, 2, 10))).toBe('۱۴۰۴/۰۲/۱۰');
  });

  it.each(['1404/2/10', '1404/02/10', '۱۴۰۴/۰۲/۱۰', '١٤٠٤-٠٢-١٠', ' 1404-2-10 '])('reads %p as 1404/02/10', (text) => {
    expect(parseJalali(text)).toEqual(jalali(1404, 2, 10));
  });

  it.each(['1404/12/30', '1404/13/01', '1404/00/10', '1404/07/31', '10/02/1404', 'yesterday', ''])(
    'refuses %p as an invalid date',
    (text) => {
      expect(() => parseJalali(text)).toThrow(DomainError);
      try {
        parseJalali(text);
      } catch (error) {
        expect((error as DomainError).code).toBe('invalid-jalali-date');
        expect((error as DomainError).kind).toBe('invalid');
      }
    },
  );

  it('accepts Esfand 30 only in a leap year', () => {
    expect(parseJalali('1403/12/30')).toEqual(jalali(1403, 12, 30));
  });
});

describe('validity windows', () => {
  it('a six-month permit issued on 1404/02/10 is valid through 1404/08/09 and ends at the start of 1404/08/10 Tehran time', () => {
    const issuedAt = new Date('2025-04-30T07:00:00.000Z'); // 10:30 in Tehran, 1404/02/10
    const window = validityWindow(issuedAt, PERMIT_MONTHS.temporary);
    expect(window.issuedOn).toEqual(jalali(1404, 2, 10));
    expect(window.validThrough).toEqual(jalali(1404, 8, 9));
    expect(window.endDate).toEqual(jalali(1404, 8, 10));
    expect(window.validFrom.toISOString()).toBe(issuedAt.toISOString());
    // 1404/08/10 is 2025-11-01; its Tehran midnight is 20:30 UTC on 31 October.
    expect(window.validUntil.toISOString()).toBe('2025-10-31T20:30:00.000Z');
  });

  it('the issue day is the Tehran day: issued at 23:00 UTC counts from the next Tehran day', () => {
    const window = validityWindow(new Date('2025-04-29T23:00:00.000Z'), 6);
    expect(window.issuedOn).toEqual(jalali(1404, 2, 10));
    expect(window.endDate).toEqual(jalali(1404, 8, 10));
  });

  it('day 31 of Shahrivar six months on falls on the last day of Esfand in a common year', () => {
    const window = validityWindow(startOfJalaliDay(jalali(1404, 6, 31)), 6);
    expect(window.endDate).toEqual(jalali(1404, 12, 29));
    expect(window.validThrough).toEqual(jalali(1404, 12, 28));
  });

  it('day 31 one month later becomes day 30 in Mehr', () => {
    expect(validityWindow(startOfJalaliDay(jalali(1403, 6, 31)), 1).endDate).toEqual(jalali(1403, 7, 30));
  });

  it('Esfand 30 of the leap year 1403 plus twelve months ends on Esfand 29, 1404', () => {
    expect(validityWindow(startOfJalaliDay(jalali(1403, 12, 30)), 12).endDate).toEqual(jalali(1404, 12, 29));
  });

  it('Esfand 29 of a common year plus twelve months keeps day 29 even in a leap year', () => {
    expect(validityWindow(startOfJalaliDay(jalali(1402, 12, 29)), 12).endDate).toEqual(jalali(1403, 12, 29));
  });

  it('a main permit runs twenty-four months', () => {
    expect(validityWindow(startOfJalaliDay(jalali(1404, 2, 10)), PERMIT_MONTHS.main).endDate).toEqual(jalali(1406, 2, 10));
  });

  it('a permit issued in a daylight-saving summer ends at a standard-time midnight', () => {
    // Issued 1400/04/30 10:00 Tehran (+04:30); ends 1400/10/30 = 2022-01-20, Tehran on +03:30.
    const window = validityWindow(new Date('2021-07-21T05:30:00.000Z'), 6);
    expect(window.issuedOn).toEqual(jalali(1400, 4, 30));
    expect(window.endDate).toEqual(jalali(1400, 10, 30));
    expect(window.validUntil.toISOString()).toBe('2022-01-19T20:30:00.000Z');
  });
});

describe('days left', () => {
  const validUntil = startOfJalaliDay(jalali(1404, 8, 10));

  it('on the last valid day, one day is left', () => {
    expect(daysLeft(validUntil, new Date(validUntil.getTime() - 1))).toBe(1);
  });

  it('counts calendar days, not 24-hour periods: a month before the end date, 30 days are left', () => {
    // Mehr 1404 has 30 days: from 1404/07/10 to 1404/08/10.
    expect(daysLeft(validUntil, new Date('2025-10-02T08:30:00.000Z'))).toBe(30);
  });

  it('from the end date on, nothing is left', () => {
    expect(daysLeft(validUntil, validUntil)).toBe(0);
    expect(daysLeft(validUntil, new Date(validUntil.getTime() + 86_400_000 * 40))).toBe(0);
  });
});
