import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';
import { ScheduleInspectionDto } from './schedule-inspection.dto';
import { scheduledForInstant } from './scheduled-for';

/** Lifecycle step 6: a site visit for the open request, re-inspection or renewal. */
@ApiTags('inspections')
@Controller('files/:fileId/inspections')
export class ScheduleInspectionController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Schedule the site inspection and assign inspectors; answers the inspection id' })
  @ApiConflictResponse({ description: 'nothing-to-inspect, inspection-already-scheduled, temporary-permit-lapsed, …' })
  async schedule(@UuidParam('fileId') fileId: string, @Body() dto: ScheduleInspectionDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const inspectionId = randomUUID();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand(
        {
          type: 'ScheduleInspection',
          data: { fileId, inspectionId, scheduledFor: scheduledForInstant(dto.scheduledFor), inspectorIds: dto.inspectorIds, now },
        },
        metadataFor(requester, now),
        requester,
      ),
    );
    return { inspectionId, ...fileSummary(state, now) };
  }
}
