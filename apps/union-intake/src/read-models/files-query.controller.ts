import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatJalali, normalizePersianText, ROLE_LABELS_FA, toJalaliDate, type OfficeRole } from '@cctv/kernel';
import { Requester, UuidParam, type RequestContext } from '@cctv/nest-common';
import { assertMayActOnFile, DOCUMENT_LABELS_FA, isDocumentKind, ownNationalId } from '@cctv/union-domain';
import { FilesQueryDto } from './files-query.dto';
import { STATUS_FA } from './timeline-text';
import { TimelineEntryRow, UnionFileRow } from './union-file.row';

const likeFragment = (text: string) => `%${normalizePersianText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const jalali = (at: Date) => formatJalali(toJalaliDate(at));

@ApiTags('files')
@Controller('files')
export class FilesQueryController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Files by status, number, owner national ID, owner name or address' })
  async search(@Query() q: FilesQueryDto, @Requester() requester: RequestContext) {
    const query = this.db.getRepository(UnionFileRow).createQueryBuilder('f');
    // Owners search within their own files, whatever they ask for.
    if (requester.actor.role === 'owner') {
      query.andWhere('f.ownerNationalId = :own', { own: ownNationalId({ role: 'owner', nationalId: requester.nationalId }) });
    }
    if (q.status) query.andWhere('f.status = :status', { status: q.status });
    if (q.fileNumber) query.andWhere('f.fileNumber = :fileNumber', { fileNumber: q.fileNumber.toUpperCase() });
    if (q.nationalId) query.andWhere('f.ownerNationalId = :nationalId', { nationalId: q.nationalId });
    if (q.name) query.andWhere('f.ownerName ILIKE :name', { name: likeFragment(q.name) });
    if (q.address) query.andWhere('f.address ILIKE :address', { address: likeFragment(q.address) });
    const [rows, total] = await query
      .orderBy('f.openedAt', 'DESC')
      .take(q.limit ?? 50)
      .skip(q.offset ?? 0)
      .getManyAndCount();
    return {
      total,
      files: rows.map((f) => ({
        fileId: f.fileId,
        fileNumber: f.fileNumber,
        status: f.status,
        statusFa: STATUS_FA[f.status] ?? f.status,
        ownerName: f.ownerName,
        premisesKind: f.premisesKind,
        address: f.address,
        openedAt: f.openedAt.toISOString(),
        openedAtJalali: jalali(f.openedAt),
      })),
    };
  }

  @Get(':fileId')
  @ApiOperation({ summary: 'One file with its documents and its timeline across the three offices' })
  async one(@UuidParam('fileId') fileId: string, @Requester() requester: RequestContext) {
    const file = await this.db.getRepository(UnionFileRow).findOneBy({ fileId });
    // An owner learns nothing of other people's files, not even whether they exist.
    if (requester.actor.role === 'owner') assertMayActOnFile({ role: 'owner', nationalId: requester.nationalId }, file?.ownerNationalId ?? '');
    if (!file) {
      throw new NotFoundException({ error: 'file-not-found', message: `No file ${fileId}`, messageFa: 'پرونده‌ای با این شناسه پیدا نشد.' });
    }
    const timeline = await this.db.getRepository(TimelineEntryRow).find({ where: { fileId }, order: { at: 'ASC', seq: 'ASC' } });
    return {
      ...file,
      statusFa: STATUS_FA[file.status] ?? file.status,
      openedAt: file.openedAt.toISOString(),
      openedAtJalali: jalali(file.openedAt),
      updatedAt: file.updatedAt.toISOString(),
      documents: file.documents.map((d) => ({ ...d, labelFa: isDocumentKind(d.kind) ? DOCUMENT_LABELS_FA[d.kind] : d.kind })),
      timeline: timeline.map((t) => ({
        at: t.at.toISOString(),
        atJalali: t.atJalali,
        office: t.office,
        step: t.step,
        summaryFa: t.summaryFa,
        actor: { role: t.actorRole, roleFa: ROLE_LABELS_FA[t.actorRole as OfficeRole] ?? t.actorRole, personId: t.actorId },
        correlationId: t.correlationId,
      })),
    };
  }
}
