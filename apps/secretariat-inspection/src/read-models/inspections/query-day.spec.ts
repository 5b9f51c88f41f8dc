import { DomainError } from '@cctv/kernel';
import { jalaliDayOf } from './query-day';

describe('the day an inspection list is asked for', () => {
  it('a Jalali day in Persian digits without leading zeros is the same day written in full', () => {
    expect(jalaliDayOf('۱۴۰۴/۲/۸')).toBe('1404/02/08');
  });

  it('an ISO date is the Jalali day of that calendar date', () => {
    // 28 April 2025 is 8 Ordibehesht 1404; 21 March 2025 is Nowruz 1404.
    expect(jalaliDayOf('2025-04-28')).toBe('1404/02/08');
    expect(jalaliDayOf('2025-03-21')).toBe('1404/01/01');
  });

  it.each(['2025-02-30', '1404/13/01', '28-04-2025', 'tomorrow', ''])('"%s" is refused as a bad date, naming the field', (input) => {
    let caught: unknown;
    try {
      jalaliDayOf(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ kind: 'invalid', field: 'date' });
  });
});
