import { Controller, Get, Inject, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatJalali, toJalaliDate } from '@cctv/kernel';
import type { PermitKind } from '@cctv/issuance-domain';
import {
  CLOCK, countsPerMonth, jalaliMonthsUpTo, monthBounds, periodView, statisticsPeriodOf, StatisticsPeriodDto, type Clock, type StatisticsPeriod,
} from '@cctv/nest-common';
import { KIND_FA, STATUS_FA } from '../read-models/permit-labels';
import { PermitRow } from '../read-models/permit.row';
import { PERMIT_STATUSES, STATUS_CONDITION } from '../read-models/register-status';

const KINDS: readonly PermitKind[] = ['installation', 'temporary', 'main'];

/**
 * Counts of the register for analysts; a permit's status is worked out at the
 * clock's instant by the register's own rule, as GET /permits does. Permits
 * count in the period they were issued in.
 */
@Injectable()
export class RegisterStatisticsQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private permits({ from, to }: StatisticsPeriod) {
    const query = this.db.getRepository(PermitRow).createQueryBuilder('p');
    if (from) query.andWhere('p.issuedAt >= :from', { from });
    if (to) query.andWhere('p.issuedAt < :to', { to });
    return query;
  }

  async statistics(period: StatisticsPeriod) {
    const now = this.clock.now();
    const counts = await Promise.all(
      PERMIT_STATUSES.map(async (status) => {
        const rows = await this.permits(period)
          .select('p.kind', 'kind')
          .addSelect('count(*)', 'count')
          .andWhere(STATUS_CONDITION[status], { now })
          .groupBy('p.kind')
          .getRawMany<{ kind: PermitKind; count: string }>();
        return rows.map((r) => ({ kind: r.kind, status, count: Number(r.count) }));
      }),
    ).then((all) => all.flat());
    const count = (kind: PermitKind, status?: string) => counts.filter((c) => c.kind === kind && (!status || c.status === status)).reduce((s, c) => s + c.count, 0);

    const months = jalaliMonthsUpTo(new Date((period.to ?? now).getTime() - 1), 12);
    const perMonth = await this.permits({ from: months[0].start, to: months[11].end })
      .select('width_bucket(extract(epoch from p.issuedAt), CAST(:bounds AS float8[]))', 'bucket')
      .addSelect('count(*)', 'count')
      .setParameter('bounds', monthBounds(months))
      .groupBy('bucket')
      .getRawMany();

    return {
      asOf: now.toISOString(),
      asOfJalali: formatJalali(toJalaliDate(now)),
      period: periodView(period),
      total: counts.reduce((s, c) => s + c.count, 0),
      byKind: KINDS.map((kind) => ({
        kind,
        kindFa: KIND_FA[kind],
        total: count(kind),
        byStatus: PERMIT_STATUSES.map((status) => ({ status, statusFa: STATUS_FA[status], count: count(kind, status) })),
      })),
      issuedPerMonth: countsPerMonth(months, perMonth),
      revoked: { count: counts.filter((c) => c.status === 'revoked').reduce((s, c) => s + c.count, 0), labelFa: STATUS_FA.revoked },
    };
  }
}

@ApiTags('statistics')
@Controller('statistics')
export class RegisterStatisticsController {
  constructor(private readonly query: RegisterStatisticsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Counts of the register for analysts: permits by kind and status at this instant, issued per Jalali month, revoked' })
  statistics(@Query() q: StatisticsPeriodDto) {
    return this.query.statistics(statisticsPeriodOf(q));
  }
}
