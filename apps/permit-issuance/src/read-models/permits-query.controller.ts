import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PermitRegisterQueries } from './permit-register.queries';
import { PermitsQueryDto } from './permits-query.dto';

/** The register as the offices read it. Nothing is written here: the register is fed by the secretariat's decisions. */
@ApiTags('permits')
@Controller('permits')
export class PermitsQueryController {
  constructor(private readonly register: PermitRegisterQueries) {}

  @Get()
  @ApiOperation({ summary: 'The permit register, by status at this instant, kind, type or file' })
  @ApiOkResponse({ description: '{ asOf, asOfJalali, total, permits: [...] }' })
  list(@Query() query: PermitsQueryDto) {
    return this.register.list(query);
  }

  @Get(':permitNumber')
  @ApiOperation({ summary: 'One permit by its number (e.g. KR-OM-1404-000123; Persian digits accepted), with who recorded each step and when' })
  @ApiParam({ name: 'permitNumber', example: 'KR-OM-1404-000123' })
  @ApiNotFoundResponse({ description: 'No permit with this number in the register' })
  async one(@Param('permitNumber') permitNumber: string) {
    const entry = await this.register.byNumber(permitNumber);
    if (!entry) {
      throw new NotFoundException({
        error: 'permit-not-found',
        message: `No permit ${permitNumber} in the register`,
        messageFa: 'مجوزی با این شماره در دفتر مجوزها ثبت نشده است.',
      });
    }
    return { ...entry, history: await this.register.stepsOf(entry.permitId) };
  }
}
