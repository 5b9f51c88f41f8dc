import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { jalaliDay } from '../../secretariat-file/jalali';
import { labelOf, PREMISES_KIND_FA } from '../../secretariat-file/labels-fa';
import { SigningQueueRow } from './signing-queue.row';

@Injectable()
export class SigningQueueQuery {
  constructor(private readonly db: DataSource) {}

  /** Oldest approval first: files are signed in the order the union sent them. */
  async list() {
    const rows = await this.db.getRepository(SigningQueueRow).find({ order: { queuedAt: 'ASC', fileId: 'ASC' } });
    return {
      total: rows.length,
      files: rows.map((r) => ({
        fileId: r.fileId,
        fileNumber: r.fileNumber,
        premisesKind: r.premisesKind,
        premisesKindFa: labelOf(PREMISES_KIND_FA, r.premisesKind),
        residential: r.residential,
        cameraCount: r.cameraCount,
        approvedAt: r.approvedAt.toISOString(),
        approvedAtJalali: jalaliDay(r.approvedAt),
        queuedAt: r.queuedAt.toISOString(),
        queuedAtJalali: jalaliDay(r.queuedAt),
      })),
    };
  }
}

@ApiTags('installation permits')
@Controller('signing-queue')
export class SigningQueueController {
  constructor(private readonly query: SigningQueueQuery) {}

  @Get()
  @ApiOperation({ summary: 'Files the union approved, waiting for the secretariat’s signature and hologram' })
  list() {
    return this.query.list();
  }
}
