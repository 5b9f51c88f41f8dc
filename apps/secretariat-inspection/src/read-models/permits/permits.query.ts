import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, MoreThan } from 'typeorm';
import { daysLeft, EXPIRING_DAYS } from '@cctv/kernel';
import { CLOCK, Clock } from '@cctv/nest-common';
import { jalaliDay } from '../../secretariat-file/jalali';
import { deficiencyView, PERMIT_KIND_FA } from '../../secretariat-file/labels-fa';
import { OperationPermitRow } from './operation-permit.row';

const DAY_MS = 86_400_000;

@Injectable()
export class PermitsQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Temporary permits still running, the soonest to lapse first, with what remains to remedy. */
  async temporary() {
    const now = this.clock.now();
    const rows = await this.db.getRepository(OperationPermitRow).find({
      where: { kind: 'temporary', standing: 'granted', validUntil: MoreThan(now) },
      order: { validUntil: 'ASC', permitId: 'ASC' },
    });
    return {
      asOf: now.toISOString(),
      asOfJalali: jalaliDay(now),
      total: rows.length,
      permits: rows.map((p) => ({
        permitId: p.permitId,
        permitNumber: p.permitNumber,
        fileId: p.fileId,
        fileNumber: p.fileNumber,
        grantedAt: p.grantedAt.toISOString(),
        grantedAtJalali: jalaliDay(p.grantedAt),
        validUntil: p.validUntil.toISOString(),
        validThroughJalali: p.validThroughJalali,
        daysLeft: daysLeft(p.validUntil, now),
        deficiencies: p.deficiencies.map(deficiencyView),
      })),
    };
  }

  /** Operation permits whose end date falls within the next 30 days (Tehran calendar days). */
  async expiring() {
    const now = this.clock.now();
    // A generous bound in SQL; the exact rule counts Tehran calendar days.
    const rows = await this.db
      .getRepository(OperationPermitRow)
      .createQueryBuilder('p')
      .where('p.standing = :standing', { standing: 'granted' })
      .andWhere('p.validUntil > :now', { now })
      .andWhere('p.validUntil <= :bound', { bound: new Date(now.getTime() + (EXPIRING_DAYS + 2) * DAY_MS) })
      .orderBy('p.validUntil', 'ASC')
      .addOrderBy('p.permitId', 'ASC')
      .getMany();
    const permits = rows
      .map((p) => ({ row: p, daysLeft: daysLeft(p.validUntil, now) }))
      .filter(({ daysLeft }) => daysLeft <= EXPIRING_DAYS)
      .map(({ row: p, daysLeft }) => ({
        permitId: p.permitId,
        permitNumber: p.permitNumber,
        kind: p.kind,
        kindFa: PERMIT_KIND_FA[p.kind],
        fileId: p.fileId,
        fileNumber: p.fileNumber,
        validUntil: p.validUntil.toISOString(),
        validThroughJalali: p.validThroughJalali,
        daysLeft,
        renewalRequested: p.renewalRequested,
      }));
    return { asOf: now.toISOString(), asOfJalali: jalaliDay(now), withinDays: EXPIRING_DAYS, total: permits.length, permits };
  }
}

@ApiTags('operation permits')
@Controller()
export class PermitsController {
  constructor(private readonly query: PermitsQuery) {}

  @Get('temporary-permits')
  @ApiOperation({ summary: 'Current temporary permits with their deficiencies and the days left to remedy them' })
  temporary() {
    return this.query.temporary();
  }

  @Get('permits/expiring')
  @ApiOperation({ summary: 'Operation permits ending within 30 days, with their numbers in the register' })
  expiring() {
    return this.query.expiring();
  }
}
