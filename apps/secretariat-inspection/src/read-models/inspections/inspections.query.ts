import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { AsciiDigits, Requester, RequestContext } from '@cctv/nest-common';
import { inspectionsListedFor } from '@cctv/secretariat-domain';
import { fileViewerOf } from '../../secretariat-file/file-viewer';
import { inspectionView } from '../views';
import { InspectionRow } from './inspection.row';
import { jalaliDayOf } from './query-day';

export class InspectionsQueryDto {
  @ApiPropertyOptional({ description: 'Office user id of an inspector', example: 'inspector-7' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._@-]{1,64}$/)
  inspectorId?: string;

  @ApiPropertyOptional({ description: 'Tehran day of the visit: Jalali YYYY/MM/DD in any digits, or ISO YYYY-MM-DD', example: '۱۴۰۴/۰۲/۰۸' })
  @IsOptional() @AsciiDigits() @IsString() @Length(8, 10)
  date?: string;
}

@Injectable()
export class InspectionsQuery {
  constructor(private readonly db: DataSource) {}

  /** Visits by inspector and Tehran day, in the order of the day. */
  async list(filter: { inspectorId?: string; date?: string }) {
    const query = this.db.getRepository(InspectionRow).createQueryBuilder('i');
    if (filter.inspectorId) query.andWhere(':inspectorId = ANY(i.inspectorIds)', { inspectorId: filter.inspectorId });
    const day = filter.date ? jalaliDayOf(filter.date) : null;
    if (day) query.andWhere('i.scheduledDay = :day', { day });
    const rows = await query.orderBy('i.scheduledFor', 'ASC').addOrderBy('i.inspectionId', 'ASC').take(500).getMany();
    return { inspectorId: filter.inspectorId ?? null, dateJalali: day, total: rows.length, inspections: rows.map(inspectionView) };
  }
}

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly query: InspectionsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Inspections by inspector and date, with their findings once recorded; an inspector sees their own only' })
  @ApiForbiddenResponse({ description: 'not-your-inspection: an inspector asked for another inspector’s list' })
  list(@Query() q: InspectionsQueryDto, @Requester() requester: RequestContext) {
    return this.query.list({ ...q, inspectorId: inspectionsListedFor(fileViewerOf(requester), q.inspectorId) });
  }
}
