import { Controller, Get, Inject, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { formatJalali, toJalaliDate } from '@cctv/kernel';
import {
  CLOCK, countsPerMonth, durationSql, durationSummary, jalaliMonthsUpTo, monthBounds, periodView, statisticsPeriodOf,
  StatisticsPeriodDto, type Clock, type StatisticsPeriod,
} from '@cctv/nest-common';
import { STATUS_FA } from '../read-models/timeline-text';
import { TimelineEntryRow, UnionFileRow } from '../read-models/union-file.row';

export const PREMISES_KIND_FA: Readonly<Record<string, string>> = {
  'shared-building': 'مشاعات ساختمان',
  'public-place': 'مکان عمومی',
};

const DECISIONS = { approved: 'InstallationApproved', refused: 'InstallationRefused' } as const;

const within = <T extends object>(query: SelectQueryBuilder<T>, column: string, { from, to }: StatisticsPeriod) => {
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} < :to`, { to });
  return query;
};

/**
 * Counts and durations of the union's work for analysts: never a name,
 * national ID, phone, address, file number or file id. Files count in the
 * period they were opened in; re-requests in the period they were made.
 */
@Injectable()
export class UnionStatisticsQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async statistics(period: StatisticsPeriod) {
    const now = this.clock.now();
    const files = () => within(this.db.getRepository(UnionFileRow).createQueryBuilder('f'), 'f.openedAt', period);
    const timeline = () => within(this.db.getRepository(TimelineEntryRow).createQueryBuilder('t'), 't.at', period);

    const byStatus = await files().select('f.status', 'status').addSelect('count(*)', 'count').groupBy('f.status').orderBy('f.status').getRawMany();
    const byPremises = await files().select('f.premisesKind', 'kind').addSelect('count(*)', 'count').groupBy('f.premisesKind').orderBy('f.premisesKind').getRawMany();

    const months = jalaliMonthsUpTo(new Date((period.to ?? now).getTime() - 1), 12);
    const perMonth = await within(this.db.getRepository(UnionFileRow).createQueryBuilder('f'), 'f.openedAt', { from: months[0].start, to: months[11].end })
      .select('width_bucket(extract(epoch from f.openedAt), CAST(:bounds AS float8[]))', 'bucket')
      .addSelect('count(*)', 'count')
      .setParameter('bounds', monthBounds(months))
      .groupBy('bucket')
      .getRawMany();

    const duration = durationSql('t.at - f.openedAt');
    const daysToDecision = async (step: string) =>
      durationSummary(
        await files()
          .innerJoin(TimelineEntryRow, 't', 't.fileId = f.fileId AND t.step = :step', { step })
          .select(duration.count, 'count')
          .addSelect(duration.median, 'median')
          .addSelect(duration.p90, 'p90')
          .getRawOne(),
      );

    const reRequests = await timeline()
      .select('count(*)', 'count')
      .addSelect('count(DISTINCT t.fileId)', 'files')
      .andWhere('t.step = :step', { step: 'DocumentRequestedAgain' })
      .getRawOne();

    const total = byStatus.reduce((sum, r) => sum + Number(r.count), 0);
    return {
      asOf: now.toISOString(),
      asOfJalali: formatJalali(toJalaliDate(now)),
      period: periodView(period),
      files: {
        total,
        byStatus: byStatus.map((r) => ({ status: r.status, statusFa: STATUS_FA[r.status] ?? r.status, count: Number(r.count) })),
        byPremisesKind: byPremises.map((r) => ({ premisesKind: r.kind, premisesKindFa: PREMISES_KIND_FA[r.kind] ?? r.kind, count: Number(r.count) })),
      },
      openedPerMonth: countsPerMonth(months, perMonth),
      daysFromOpeningToDecision: {
        approved: { ...(await daysToDecision(DECISIONS.approved)), decisionFa: 'تأیید نصب' },
        refused: { ...(await daysToDecision(DECISIONS.refused)), decisionFa: 'رد درخواست' },
      },
      documentsRequestedAgain: { count: Number(reRequests?.count ?? 0), files: Number(reRequests?.files ?? 0), labelFa: 'درخواست دوباره مدرک' },
    };
  }
}

@ApiTags('statistics')
@Controller('statistics')
export class UnionStatisticsController {
  constructor(private readonly query: UnionStatisticsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Counts and durations of the union’s files for analysts (no personal data): by status, per Jalali month, days to decision' })
  statistics(@Query() q: StatisticsPeriodDto) {
    return this.query.statistics(statisticsPeriodOf(q));
  }
}
