import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import { HologramSerialDto } from '../hologram/hologram-serial.dto';
import { fileSummary } from '../secretariat-file/file-summary';
import { deficiencyView, PERMIT_KIND_FA } from '../secretariat-file/labels-fa';
import { GrantOperationPermitCommand, type GrantedPermit } from './grant-operation-permit.handler';

/** Lifecycle step 8: after a recorded inspection, a main (two years) or temporary (six months) permit, signed with a hologram. */
@ApiTags('operation permits')
@Controller('files/:fileId/operation-permit')
export class GrantOperationPermitController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant the operation permit the recorded inspection leads to, and affix its hologram' })
  @ApiConflictResponse({ description: 'hologram-already-used, no-inspection-to-decide, deficiencies-remain, temporary-permit-lapsed, …' })
  async grant(@UuidParam('fileId') fileId: string, @Body() dto: HologramSerialDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const { state, granted } = await this.commands.execute<GrantOperationPermitCommand, GrantedPermit>(
      new GrantOperationPermitCommand(fileId, dto.hologramSerial, now, metadataFor(requester, now), requester),
    );
    return {
      permitId: granted.permitId,
      kind: granted.kind,
      kindFa: PERMIT_KIND_FA[granted.kind],
      validUntil: granted.validUntil,
      validThroughJalali: granted.validThrough,
      deficiencies: granted.deficiencies.map(deficiencyView),
      supersedesPermitId: granted.supersedesPermitId,
      file: fileSummary(state, now),
    };
  }
}
