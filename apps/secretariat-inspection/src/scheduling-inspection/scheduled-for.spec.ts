import { DomainError } from '@cctv/kernel';
import { scheduledForInstant } from './scheduled-for';

describe('when an inspection is scheduled for', () => {
  it('a Jalali day in Persian digits means ten in the morning, Tehran time (UTC+03:30), that day', () => {
    // 1404/02/15 is 5 May 2025.
    expect(scheduledForInstant('۱۴۰۴/۰۲/۱۵')).toBe('2025-05-05T06:30:00.000Z');
  });

  it('a Jalali day in ASCII or Arabic-Indic digits, without leading zeros, means the same', () => {
    expect(scheduledForInstant('1404/2/15')).toBe('2025-05-05T06:30:00.000Z');
    expect(scheduledForInstant('١٤٠٤/٠٢/١٥')).toBe('2025-05-05T06:30:00.000Z');
  });

  it('an ISO date-time is kept as given, for the decider to check; a date without a time is refused', () => {
    expect(scheduledForInstant('2025-05-05T09:00:00+03:30')).toBe('2025-05-05T09:00:00+03:30');
    expect(() => scheduledForInstant('2025-05-05')).toThrow(expect.objectContaining({ field: 'scheduledFor' }));
  });

  it('a day that does not exist in the Jalali calendar is refused, naming the field', () => {
    let caught: unknown;
    try {
      scheduledForInstant('1404/12/31');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ kind: 'invalid', code: 'invalid-jalali-date', field: 'scheduledFor' });
  });

  it('refuses a date that does not exist or a year beyond the calendar, naming the field', () => {
    for (const text of ['2030-02-30T10:00:00Z', '9999-12-31T23:59:59Z', 'tomorrow']) {
      expect(() => scheduledForInstant(text)).toThrow(expect.objectContaining({ field: 'scheduledFor', kind: 'invalid' }));
    }
    expect(scheduledForInstant('2030-02-28T10:00:00Z')).toBe('2030-02-28T10:00:00Z');
  });
});
