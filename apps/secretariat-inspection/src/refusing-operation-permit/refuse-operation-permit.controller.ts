import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';

export class RefuseOperationPermitDto {
  @ApiProperty({ type: [String], example: ['ساکنان واحدهای مسکونی با نصب دوربین در راهرو موافقت نکرده‌اند'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true })
  reasons!: string[];
}

/** A written refusal of the open request or renewal (e.g. the residents refuse consent); the owner may request again. */
@ApiTags('operation permits')
@Controller('files/:fileId/operation-refusal')
export class RefuseOperationPermitController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the operation permit with written reasons' })
  @ApiConflictResponse({ description: 'nothing-to-refuse, reinspection-not-refusable, …' })
  async refuse(@UuidParam('fileId') fileId: string, @Body() dto: RefuseOperationPermitDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand({ type: 'RefuseOperationPermit', data: { fileId, reasons: dto.reasons, now } }, metadataFor(requester, now), requester),
    );
    return fileSummary(state, now);
  }
}
