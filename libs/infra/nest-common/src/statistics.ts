import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { addJalaliDays, addJalaliMonths, formatJalali, invalid, startOfJalaliDay, toJalaliDate } from '@cctv/kernel';

/** `?from=&to=` of the analysts' statistics: ISO dates or date-times. */
export class StatisticsPeriodDto {
  @ApiPropertyOptional({ description: 'ISO date (the start of that Tehran day) or date-time; counted from here on', example: '2025-03-21' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date (that Tehran day included) or date-time (excluded); counted up to here', example: '2026-03-20' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export interface StatisticsPeriod {
  /** Inclusive; null = since the beginning. */
  readonly from: Date | null;
  /** Exclusive; null = up to now. */
  readonly to: Date | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The Tehran day a Gregorian calendar date names: its noon UTC falls on that same day in Tehran. */
const tehranDayOf = (isoDate: string) => toJalaliDate(new Date(`${isoDate}T12:00:00.000Z`));

/** The period the query names; a date alone means whole Tehran days, `to`'s day included. */
export const statisticsPeriodOf = (query: StatisticsPeriodDto): StatisticsPeriod => {
  const from = query.from === undefined ? null : DATE_ONLY.test(query.from) ? startOfJalaliDay(tehranDayOf(query.from)) : new Date(query.from);
  const to = query.to === undefined ? null : DATE_ONLY.test(query.to) ? startOfJalaliDay(addJalaliDays(tehranDayOf(query.to), 1)) : new Date(query.to);
  if (from && to && from.getTime() >= to.getTime()) {
    throw invalid('period-reversed', 'to must come after from', 'تاریخ پایان باید پس از تاریخ شروع باشد.', 'to');
  }
  return { from, to };
};

const jalaliDay = (instant: Date) => formatJalali(toJalaliDate(instant));

/** The period as the answer states it, ISO and Jalali. */
export const periodView = ({ from, to }: StatisticsPeriod) => ({
  from: from?.toISOString() ?? null,
  fromJalali: from ? jalaliDay(from) : null,
  /** Exclusive; the last day counted is the Jalali day before when it is a Tehran midnight. */
  to: to?.toISOString() ?? null,
  toJalali: to ? jalaliDay(to) : null,
});

export interface JalaliMonth {
  /** 'YYYY/MM' */
  readonly month: string;
  readonly start: Date;
  readonly end: Date;
}

/** The `count` Jalali months up to and including the one `instant` falls in (Tehran time), oldest first. */
export const jalaliMonthsUpTo = (instant: Date, count: number): JalaliMonth[] => {
  const day = toJalaliDate(instant);
  const first = { year: day.year, month: day.month, day: 1 };
  return Array.from({ length: count }, (_, i) => {
    const start = addJalaliMonths(first, i - count + 1);
    return {
      month: `${start.year}/${String(start.month).padStart(2, '0')}`,
      start: startOfJalaliDay(start),
      end: startOfJalaliDay(addJalaliMonths(start, 1)),
    };
  });
};

/**
 * Counts per month from `bucket → count` rows of SQL
 * `width_bucket(extract(epoch from at), :bounds)` over `monthBounds(months)`:
 * bucket i (1-based) is months[i - 1].
 */
export const monthBounds = (months: readonly JalaliMonth[]): number[] =>
  [...months.map((m) => m.start.getTime() / 1000), months[months.length - 1].end.getTime() / 1000];

export const countsPerMonth = (months: readonly JalaliMonth[], rows: readonly { bucket: number | string; count: number | string }[]) =>
  months.map((m, i) => ({
    month: m.month,
    start: m.start.toISOString(),
    count: rows.filter((r) => Number(r.bucket) === i + 1).reduce((sum, r) => sum + Number(r.count), 0),
  }));

/** Median and 90th percentile of a duration in days, one decimal; null when nothing was measured. */
export const durationSummary = (row: { count?: number | string; median?: number | string | null; p90?: number | string | null } | undefined) => {
  const days = (value: number | string | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return { count: Number(row?.count ?? 0), medianDays: days(row?.median), p90Days: days(row?.p90) };
};

/** SQL for `durationSummary` over an interval expression. */
export const durationSql = (interval: string) => ({
  count: 'count(*)',
  median: `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch from (${interval})) / 86400)`,
  p90: `percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch from (${interval})) / 86400)`,
});
