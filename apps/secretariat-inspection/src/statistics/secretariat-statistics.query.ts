import { Controller, Get, Inject, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { daysLeft, EXPIRING_DAYS } from '@cctv/kernel';
import { CLOCK, durationSql, durationSummary, periodView, statisticsPeriodOf, StatisticsPeriodDto, type Clock, type StatisticsPeriod } from '@cctv/nest-common';
import { INSPECTION_STATUS_FA } from '../read-models/views';
import { InspectionRow } from '../read-models/inspections/inspection.row';
import { OperationRequestRow, type CaseStatus } from '../read-models/operation-requests/operation-request.row';
import { CASE_STATUS_FA } from '../read-models/operation-requests/operation-requests.query';
import { OperationPermitRow } from '../read-models/permits/operation-permit.row';
import { SigningQueueRow } from '../read-models/signing-queue/signing-queue.row';
import { jalaliDay } from '../secretariat-file/jalali';
import { PERMIT_KIND_FA, PURPOSE_FA } from '../secretariat-file/labels-fa';

const DAY_MS = 86_400_000;

const within = <T extends object>(query: SelectQueryBuilder<T>, column: string, { from, to }: StatisticsPeriod) => {
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} < :to`, { to });
  return query;
};

const counted = (rows: readonly Record<string, string>[], key: string) => rows.map((r) => ({ [key]: r[key], count: Number(r.count) }));

/**
 * Counts and durations of the secretariat's work for analysts: never a site
 * address, contact, file number or id. The queue and the permits in force are
 * as they stand now; requests count in the period they arrived, inspections
 * in the period they were set for, permits in the period they were granted.
 */
@Injectable()
export class SecretariatStatisticsQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async statistics(period: StatisticsPeriod) {
    const now = this.clock.now();
    const queue = await this.db
      .getRepository(SigningQueueRow)
      .createQueryBuilder('q')
      .select('count(*)', 'count')
      .addSelect('min(q.queuedAt)', 'oldest')
      .getRawOne();
    const oldest = queue?.oldest ? new Date(queue.oldest) : null;

    const requests = () => within(this.db.getRepository(OperationRequestRow).createQueryBuilder('c'), 'c.receivedAt', period);
    const byStatus = counted(await requests().select('c.status', 'status').addSelect('count(*)', 'count').groupBy('c.status').orderBy('c.status').getRawMany(), 'status');
    const byPurpose = counted(await requests().select('c.purpose', 'purpose').addSelect('count(*)', 'count').groupBy('c.purpose').orderBy('c.purpose').getRawMany(), 'purpose');

    const inspections = () => within(this.db.getRepository(InspectionRow).createQueryBuilder('i'), 'i.scheduledFor', period);
    const inspectionsByStatus = counted(await inspections().select('i.status', 'status').addSelect('count(*)', 'count').groupBy('i.status').orderBy('i.status').getRawMany(), 'status');
    const firstCounts = await inspections()
      .select('count(*)', 'recorded')
      .addSelect('count(*) FILTER (WHERE i.passed)', 'passed')
      .andWhere('i.purpose = :purpose AND i.status = :recorded', { purpose: 'first', recorded: 'recorded' })
      .getRawOne();
    const firstRecorded = Number(firstCounts?.recorded ?? 0);
    const firstPassed = Number(firstCounts?.passed ?? 0);

    const temporaryActive = await this.db
      .getRepository(OperationPermitRow)
      .createQueryBuilder('p')
      .where('p.kind = :kind AND p.standing = :standing AND p.validUntil > :now', { kind: 'temporary', standing: 'granted', now })
      .getCount();

    // The register's rule for "expiring": Tehran calendar days left; SQL narrows, the rule decides.
    const ending = await this.db
      .getRepository(OperationPermitRow)
      .createQueryBuilder('p')
      .select('p.validUntil', 'validUntil')
      .addSelect('p.kind', 'kind')
      .where('p.standing = :standing AND p.validUntil > :now AND p.validUntil <= :bound', {
        standing: 'granted', now, bound: new Date(now.getTime() + (EXPIRING_DAYS + 2) * DAY_MS),
      })
      .getRawMany<{ validUntil: Date; kind: 'temporary' | 'main' }>();
    const expiring = ending.filter((p) => daysLeft(new Date(p.validUntil), now) <= EXPIRING_DAYS);

    // A first request and the permit its inspection led to share the inspection id.
    const duration = durationSql('p.grantedAt - c.receivedAt');
    const requestToPermit = durationSummary(
      await within(this.db.getRepository(OperationRequestRow).createQueryBuilder('c'), 'p.grantedAt', period)
        .innerJoin(OperationPermitRow, 'p', 'p.inspectionId = c.inspectionId')
        .select(duration.count, 'count')
        .addSelect(duration.median, 'median')
        .addSelect(duration.p90, 'p90')
        .andWhere('c.purpose = :purpose', { purpose: 'first' })
        .getRawOne(),
    );

    return {
      asOf: now.toISOString(),
      asOfJalali: jalaliDay(now),
      period: periodView(period),
      signingQueue: {
        length: Number(queue?.count ?? 0),
        oldestQueuedAt: oldest?.toISOString() ?? null,
        oldestQueuedAtJalali: oldest ? jalaliDay(oldest) : null,
      },
      operationRequests: {
        total: byStatus.reduce((sum, r) => sum + r.count, 0),
        byStatus: byStatus.map((r) => ({ ...r, statusFa: CASE_STATUS_FA[r.status as CaseStatus] ?? r.status })),
        byPurpose: byPurpose.map((r) => ({ ...r, purposeFa: PURPOSE_FA[r.purpose as keyof typeof PURPOSE_FA] ?? r.purpose })),
      },
      inspections: {
        byStatus: inspectionsByStatus.map((r) => ({ ...r, statusFa: INSPECTION_STATUS_FA[r.status as InspectionRow['status']] ?? r.status })),
        firstInspections: {
          recorded: firstRecorded,
          passed: firstPassed,
          passedShare: firstRecorded ? Math.round((firstPassed / firstRecorded) * 1000) / 1000 : null,
          labelFa: 'سهم بازدیدهای نخست بدون نقص',
        },
      },
      temporaryPermitsActive: { count: temporaryActive, labelFa: PERMIT_KIND_FA.temporary },
      permitsExpiring: {
        withinDays: EXPIRING_DAYS,
        count: expiring.length,
        byKind: (['temporary', 'main'] as const).map((kind) => ({ kind, kindFa: PERMIT_KIND_FA[kind], count: expiring.filter((p) => p.kind === kind).length })),
      },
      daysFromOperationRequestToPermit: { ...requestToPermit, labelFa: 'روز از درخواست کتبی تا صدور مجوز بهره‌برداری' },
    };
  }
}

@ApiTags('statistics')
@Controller('statistics')
export class SecretariatStatisticsController {
  constructor(private readonly query: SecretariatStatisticsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Counts and durations of the secretariat’s work for analysts (no personal data): queue, requests, inspections, permits' })
  statistics(@Query() q: StatisticsPeriodDto) {
    return this.query.statistics(statisticsPeriodOf(q));
  }
}
