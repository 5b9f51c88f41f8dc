import { BadRequestException, Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { formatJalali, toJalaliDate } from '@cctv/kernel';
import { CLOCK, type Clock } from '@cctv/nest-common';
import { PermitRegisterQueries } from '../read-models/permit-register.queries';
import { canonicalHologramSerial } from '../read-models/typed-identifiers';
import type { RegisterEntry } from '../read-models/register-entry';
import { HOLOGRAM_MISMATCH, HOLOGRAM_MISMATCH_FA, UNKNOWN_PERMIT, UNKNOWN_PERMIT_FA, verificationOf, type NotGenuine, type Verification } from './verification';
import { verificationPage } from './verification-page';
import { VerifyRateLimitGuard } from './verify-rate-limit.guard';
import { VerifyHologramQueryDto, VerifyQueryDto } from './verify.dto';

/**
 * Public: "is this permit, or this hologram, genuine and in force?". Open to
 * anyone, so it answers nothing personal — no file, no owner, no address —
 * and one address may ask only so often.
 */
@ApiTags('verify')
@Controller('verify')
@UseGuards(VerifyRateLimitGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; Retry-After says when to ask again' })
export class VerifyController {
  constructor(
    private readonly register: PermitRegisterQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Verify by permit number or hologram serial (both: the hologram must belong to the permit)',
    description: 'By permit number alone the answer never shows the hologram serial, only how to check it: a forger must not learn the serial to print.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: '{ genuine: true, valid, permitNumber, kind, status, statusFa, issuedOnJalali, validThroughJalali, hologramChecked, hologramSerial (only when given), message, messageFa }' })
  @ApiNotFoundResponse({ description: '{ genuine: false, message, messageFa }' })
  async verify(@Query() query: VerifyQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!query.permitNumber && !query.hologramSerial) {
      throw new BadRequestException({
        error: 'validation-failed',
        message: 'permitNumber or hologramSerial is required',
        messageFa: 'شماره مجوز یا شماره هولوگرام را وارد کنید.',
      });
    }
    this.answer(request, response, await this.check(query.permitNumber, query.hologramSerial), { repeatPermitNumber: true });
  }

  @Get(':permitNumber')
  @ApiOperation({ summary: 'What the QR code on a printed permit opens; a browser gets a Persian page, which asks for the hologram serial to check it' })
  @ApiParam({ name: 'permitNumber', example: 'KR-OM-1404-000123' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: 'as GET /verify' })
  @ApiNotFoundResponse({ description: '{ genuine: false, message, messageFa }' })
  async verifyNumber(
    @Param('permitNumber') permitNumber: string,
    @Query() query: VerifyHologramQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.answer(request, response, await this.check(permitNumber, query.hologramSerial));
  }

  /** The serial is said back only when the caller typed it and it belongs to the permit. */
  private async check(permitNumber: string | undefined, hologramSerial: string | undefined): Promise<Verification | NotGenuine> {
    if (!permitNumber) return this.judge(await this.register.byHologram(hologramSerial ?? ''), true);
    const entry = await this.register.byNumber(permitNumber);
    if (entry && hologramSerial && canonicalHologramSerial(hologramSerial) !== entry.hologramSerial) {
      return { genuine: false, message: HOLOGRAM_MISMATCH, messageFa: HOLOGRAM_MISMATCH_FA };
    }
    return this.judge(entry, !!hologramSerial);
  }

  private judge(entry: RegisterEntry | null, hologramChecked: boolean): Verification | NotGenuine {
    return entry ? verificationOf(entry, hologramChecked) : { genuine: false, message: UNKNOWN_PERMIT, messageFa: UNKNOWN_PERMIT_FA };
  }

  private answer(request: Request, response: Response, answer: Verification | NotGenuine, page: { repeatPermitNumber?: boolean } = {}): void {
    const status = answer.genuine ? 200 : 404;
    // The status of a permit changes with time and with the secretariat's decisions: never serve a stored answer.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Vary', 'Accept');
    if (request.accepts(['application/json', 'text/html']) === 'text/html') {
      response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      response.status(status).type('html').send(verificationPage(answer, formatJalali(toJalaliDate(this.clock.now())), page));
      return;
    }
    response.status(status).json(answer);
  }
}
