import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';
import { RequestOperationPermitDto } from './request-operation-permit.dto';

/** Lifecycle step 5: after installing, the owner asks the secretariat in writing for the operation permit. */
@ApiTags('operation permits')
@Controller('files/:fileId/operation-requests')
export class RequestOperationPermitController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the owner’s written request for an operation permit' })
  @ApiConflictResponse({ description: 'request-in-progress, operation-permit-in-force, installation-permit-lapsed, …' })
  async request(@UuidParam('fileId') fileId: string, @Body() dto: RequestOperationPermitDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const requestId = randomUUID();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand(
        { type: 'RequestOperationPermit', data: { fileId, requestId, letterNumber: dto.letterNumber, siteAddress: dto.siteAddress, contactMobile: dto.contactMobile, now } },
        metadataFor(requester, now),
        requester,
      ),
    );
    // Only the request's id and the file's standing: the address and phone are not echoed.
    return { requestId, ...fileSummary(state, now) };
  }
}
