import { Injectable } from '@nestjs/common';
import { RateLimitGuard, rateLimitSettingsFrom } from '@cctv/nest-common';

/** Public verification is open to anyone, so one address may ask only so often (VERIFY_RATE_LIMIT_PER_MINUTE, VERIFY_RATE_LIMIT_BURST). */
export const VERIFY_RATE_LIMIT_DEFAULTS = { perMinute: 60, burst: 20 } as const;

@Injectable()
export class VerifyRateLimitGuard extends RateLimitGuard {
  constructor() {
    super(rateLimitSettingsFrom(process.env, 'VERIFY_RATE_LIMIT', VERIFY_RATE_LIMIT_DEFAULTS));
  }
}
