import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { UnionFileCommand } from '@cctv/union-domain';
import { ExecuteUnionFileCommand } from '../union-file/execute-union-file-command';
import { fileSummary } from '../union-file/file-summary';

export class RefuseInstallationDto {
  @ApiProperty({ type: [String], example: ['دوربین شماره ۲ به داخل واحد مسکونی دید دارد'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true })
  reasons!: string[];
}

/** Lifecycle step 3: the union approves the installation (valid once the secretariat signs) or refuses it. */
@ApiTags('files')
@Controller('files/:fileId')
export class DecidingInstallationController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the installation: every required document must be accepted' })
  approve(@UuidParam('fileId') fileId: string, @Requester() requester: RequestContext) {
    return this.run({ type: 'ApproveInstallation', data: { fileId, now: this.clock.now() } }, requester);
  }

  @Post('refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the installation with written reasons' })
  refuse(@UuidParam('fileId') fileId: string, @Body() dto: RefuseInstallationDto, @Requester() requester: RequestContext) {
    return this.run({ type: 'RefuseInstallation', data: { fileId, reasons: dto.reasons, now: this.clock.now() } }, requester);
  }

  private async run(command: UnionFileCommand, requester: RequestContext) {
    const state = await this.commands.execute(new ExecuteUnionFileCommand(command, metadataFor(requester, command.data.now), { role: requester.actor.role, nationalId: requester.nationalId }));
    return fileSummary(state);
  }
}
