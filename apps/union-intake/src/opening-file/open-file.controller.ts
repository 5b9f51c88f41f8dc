import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { formatJalali, toJalaliDate } from '@cctv/kernel';
import { CLOCK, Clock, metadataFor, OwnerRefs, Requester, RequestContext, SEQUENCES, SequenceFactory } from '@cctv/nest-common';
import { assertMayActOnFile, normalizeApplication, requiredDocumentsFor, type OwnerIdentity } from '@cctv/union-domain';
import { ExecuteUnionFileCommand } from '../union-file/execute-union-file-command';
import { fileSummary } from '../union-file/file-summary';
import { OpenFileDto, OwnerDto } from './open-file.dto';

const toOwner = (dto: OwnerDto): OwnerIdentity =>
  dto.kind === 'person'
    ? { kind: 'person', nationalId: dto.nationalId, firstName: dto.firstName ?? '', lastName: dto.lastName ?? '', mobile: dto.mobile }
    : { kind: 'legal-entity', nationalId: dto.nationalId, name: dto.name ?? '', representativeName: dto.representativeName ?? '', mobile: dto.mobile };

@ApiTags('files')
@Controller('files')
export class OpenFileController {
  private readonly fileNumbers;

  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SEQUENCES) sequences: SequenceFactory,
    @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs,
  ) {
    this.fileNumbers = sequences('file_number');
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open an owner’s file at the union (lifecycle step 1)' })
  @ApiCreatedResponse({ description: 'The file with its number and the documents it needs' })
  @ApiConflictResponse({ description: 'A rule refused it' })
  async open(@Body() dto: OpenFileDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const premises = { ...dto.premises, residentialUnits: dto.premises.residentialUnits ?? null };
    const application = {
      owner: toOwner(dto.owner), premises, system: dto.system, installer: dto.installer, requiredDocuments: requiredDocumentsFor(premises),
    };
    // The identity checks first: a refused application must not use up a file number.
    const { owner } = normalizeApplication(application);
    assertMayActOnFile({ role: requester.actor.role, nationalId: requester.nationalId }, application.owner.nationalId);
    const fileId = randomUUID();
    const fileNumber = `U-${formatJalali(toJalaliDate(now)).slice(0, 4)}-${String(await this.fileNumbers.next()).padStart(6, '0')}`;
    const state = await this.commands.execute(
      new ExecuteUnionFileCommand(
        {
          type: 'OpenFile',
          data: {
            fileId,
            fileNumber,
            ...application,
            // Published instead of the national ID, so the secretariat can let the owner reach this file.
            ownerRef: this.ownerRefs.of(fileId, owner.nationalId),
            now,
          },
        },
        metadataFor(requester, now),
      ),
    );
    return fileSummary(state);
  }
}
