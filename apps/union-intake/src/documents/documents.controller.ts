import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, metadataFor, OneOfParam, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import { DOCUMENT_KINDS, type DocumentKind, type UnionFileCommand } from '@cctv/union-domain';
import { ExecuteUnionFileCommand } from '../union-file/execute-union-file-command';
import { fileSummary } from '../union-file/file-summary';
import { RequestDocumentAgainDto, SubmitDocumentDto } from './documents.dto';

/** Lifecycle step 2: the owner hands in documents, the union checks each one and may ask again. */
@ApiTags('files')
@Controller('files/:fileId/documents/:kind')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand in a required document' })
  submit(
    @UuidParam('fileId') fileId: string,
    @OneOfParam('kind', DOCUMENT_KINDS) kind: DocumentKind,
    @Body() dto: SubmitDocumentDto,
    @Requester() requester: RequestContext,
  ) {
    return this.run({ type: 'SubmitDocument', data: { fileId, kind, reference: dto.reference, now: this.clock.now() } }, requester);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a handed-in document after checking it' })
  accept(
    @UuidParam('fileId') fileId: string,
    @OneOfParam('kind', DOCUMENT_KINDS) kind: DocumentKind,
    @Requester() requester: RequestContext,
  ) {
    return this.run({ type: 'AcceptDocument', data: { fileId, kind, now: this.clock.now() } }, requester);
  }

  @Post('request-again')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the owner again for a missing or unreadable document' })
  requestAgain(
    @UuidParam('fileId') fileId: string,
    @OneOfParam('kind', DOCUMENT_KINDS) kind: DocumentKind,
    @Body() dto: RequestDocumentAgainDto,
    @Requester() requester: RequestContext,
  ) {
    return this.run({ type: 'RequestDocumentAgain', data: { fileId, kind, reason: dto.reason, now: this.clock.now() } }, requester);
  }

  private async run(command: UnionFileCommand, requester: RequestContext) {
    const state = await this.commands.execute(new ExecuteUnionFileCommand(command, metadataFor(requester, command.data.now), { role: requester.actor.role, nationalId: requester.nationalId }));
    return fileSummary(state);
  }
}
