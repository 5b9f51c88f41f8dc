import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';

export class RevokePermitDto {
  @ApiProperty({ example: 'دوربین شماره ۳ پس از صدور مجوز به سمت پنجره همسایه چرخانده شده است' })
  @IsString() @Length(1, 1000)
  reason!: string;
}

/** The secretariat revokes the installation permit (closing the file) or the current operation permit, with a reason. */
@ApiTags('permits')
@Controller('files/:fileId/permits/:permitId')
export class RevokePermitController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a permit of the file with a reason' })
  @ApiNotFoundResponse({ description: 'permit-not-found' })
  @ApiConflictResponse({ description: 'permit-revoked, permit-no-longer-valid, …' })
  async revoke(
    @UuidParam('fileId') fileId: string,
    @UuidParam('permitId') permitId: string,
    @Body() dto: RevokePermitDto,
    @Requester() requester: RequestContext,
  ) {
    const now = this.clock.now();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand({ type: 'RevokePermit', data: { fileId, permitId, reason: dto.reason, now } }, metadataFor(requester, now), requester),
    );
    return fileSummary(state, now);
  }
}
