import { Controller, Get, Inject, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@cctv/nest-common';
import { jalaliDay } from '../../secretariat-file/jalali';
import { PURPOSE_FA } from '../../secretariat-file/labels-fa';
import { CASE_STATUSES, OperationRequestRow, type CaseStatus } from './operation-request.row';

export const CASE_STATUS_FA: Readonly<Record<CaseStatus, string>> = {
  'awaiting-inspection': 'در انتظار تعیین زمان بازدید',
  'inspection-scheduled': 'بازدید تعیین شده',
  inspected: 'بازدید انجام شده؛ در انتظار تصمیم',
  granted: 'مجوز صادر شده',
  refused: 'رد شده',
  closed: 'بسته شده',
};

export class OperationRequestsQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'awaiting-inspection' })
  @IsOptional() @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}

@Injectable()
export class OperationRequestsQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Requests, re-inspections and renewals in one status, oldest first; the secretariat's own view, with the site address. */
  async list(status: CaseStatus = 'awaiting-inspection') {
    const now = this.clock.now();
    const query = this.db
      .getRepository(OperationRequestRow)
      .createQueryBuilder('c')
      .where('c.status = :status', { status })
      .orderBy('c.receivedAt', 'ASC')
      .addOrderBy('c.caseId', 'ASC');
    // A re-inspection whose temporary permit has lapsed can no longer take place.
    if (status === 'awaiting-inspection' || status === 'inspection-scheduled') {
      query.andWhere('(c.endsAt IS NULL OR c.endsAt > :now)', { now });
    }
    const rows = await query.getMany();
    return {
      status,
      statusFa: CASE_STATUS_FA[status],
      total: rows.length,
      requests: rows.map((r) => ({
        caseId: r.caseId,
        requestId: r.purpose === 'reinspection' ? null : r.caseId,
        fileId: r.fileId,
        fileNumber: r.fileNumber,
        purpose: r.purpose,
        purposeFa: PURPOSE_FA[r.purpose],
        status: r.status,
        statusFa: CASE_STATUS_FA[r.status],
        letterNumber: r.letterNumber,
        siteAddress: r.siteAddress,
        contactMobile: r.contactMobile,
        inspectionId: r.inspectionId,
        receivedAt: r.receivedAt.toISOString(),
        receivedAtJalali: jalaliDay(r.receivedAt),
      })),
    };
  }
}

@ApiTags('operation permits')
@Controller('operation-requests')
export class OperationRequestsController {
  constructor(private readonly query: OperationRequestsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Operation permit requests, re-inspections and renewals by status (default: awaiting inspection)' })
  list(@Query() q: OperationRequestsQueryDto) {
    return this.query.list(q.status);
  }
}
