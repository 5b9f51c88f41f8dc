import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { fileSummary } from '../secretariat-file/file-summary';
import { RecordFindingsDto } from './record-findings.dto';
import { RecordFindingsCommand } from './record-findings.handler';

/** Lifecycle step 7: the inspectors' answers to the checklist; each failed item is a deficiency. */
@ApiTags('inspections')
@Controller('files/:fileId/inspections/:inspectionId')
export class RecordFindingsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('findings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the inspection’s findings against the file’s checklist' })
  @ApiConflictResponse({ description: 'no-inspection-scheduled, not-the-scheduled-inspection, …' })
  async record(
    @UuidParam('fileId') fileId: string,
    @UuidParam('inspectionId') inspectionId: string,
    @Body() dto: RecordFindingsDto,
    @Requester() requester: RequestContext,
  ) {
    const now = this.clock.now();
    const findings = dto.findings.map(({ item, passed, note }) => ({ item, passed, ...(note === undefined ? {} : { note }) }));
    const state = await this.commands.execute<RecordFindingsCommand, SecretariatFileState>(
      new RecordFindingsCommand(fileId, inspectionId, requester.actor.personId, findings, now, metadataFor(requester, now), requester),
    );
    return fileSummary(state, now);
  }
}
