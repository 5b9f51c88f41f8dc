import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';

export class ReportRemediationDto {
  @ApiProperty({ description: 'What the owner says was remedied', example: 'تابلو نصب و یو‌پی‌اس خریداری شد' })
  @IsString() @Length(1, 1000)
  note!: string;
}

/** Lifecycle step 9: the owner reports the temporary permit's deficiencies remedied; a re-inspection is due. */
@ApiTags('operation permits')
@Controller('files/:fileId/remediation')
export class ReportRemediationController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the owner’s report that the deficiencies are remedied' })
  @ApiConflictResponse({ description: 'no-temporary-permit, temporary-permit-lapsed, reinspection-pending, …' })
  async report(@UuidParam('fileId') fileId: string, @Body() dto: ReportRemediationDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand({ type: 'ReportRemediation', data: { fileId, note: dto.note, now } }, metadataFor(requester, now), requester),
    );
    return fileSummary(state, now);
  }
}
