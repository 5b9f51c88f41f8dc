import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, metadataFor, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import { fileSummary } from '../secretariat-file/file-summary';
import { HologramSerialDto } from '../hologram/hologram-serial.dto';
import type { FileAsItStands } from '../hologram/affix-hologram-then-decide';
import { SignInstallationPermitCommand } from './sign-installation-permit.handler';

/** Lifecycle step 4: the union's approval becomes a valid installation permit with the secretariat's signature and hologram. */
@ApiTags('installation permits')
@Controller('files/:fileId/installation-permit')
export class SignInstallationPermitController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign the installation permit and affix a hologram (a serial is used once in the province)' })
  @ApiOkResponse({ description: 'The file with its signed installation permit; a repeated request answers the same' })
  @ApiConflictResponse({ description: 'hologram-already-used, installation-already-signed, …' })
  async sign(@UuidParam('fileId') fileId: string, @Body() dto: HologramSerialDto, @Requester() requester: RequestContext) {
    const now = this.clock.now();
    const { state } = await this.commands.execute<SignInstallationPermitCommand, FileAsItStands>(
      new SignInstallationPermitCommand(fileId, dto.hologramSerial, now, metadataFor(requester, now), requester),
    );
    return fileSummary(state, now);
  }
}
