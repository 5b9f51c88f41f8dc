import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import type { SecretariatFileState } from '@cctv/secretariat-domain';
import { ExecuteSecretariatFileCommand } from '../secretariat-file/execute-secretariat-file-command';
import { fileSummary } from '../secretariat-file/file-summary';

/** A main permit may be renewed from 60 days before its end: a new inspection, then a new permit. */
@ApiTags('operation permits')
@Controller('files/:fileId/renewal-requests')
export class RequestRenewalController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a request to renew the main operation permit' })
  @ApiConflictResponse({ description: 'no-main-permit, renewal-too-early, permit-expired, request-in-progress, …' })
  async request(@UuidParam('fileId') fileId: string, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const requestId = randomUUID();
    const state = await this.commands.execute<ExecuteSecretariatFileCommand, SecretariatFileState>(
      new ExecuteSecretariatFileCommand({ type: 'RequestRenewal', data: { fileId, requestId, now } }, metadataFor(requester, now), requester),
    );
    return { requestId, ...fileSummary(state, now) };
  }
}
