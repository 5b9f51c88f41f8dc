import { CanActivate, ExecutionContext, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { clientAddress, trustedProxiesFrom } from './client-address';
import { TokenBucketLimiter, type RateLimit } from './token-bucket';

export interface RateLimitSettings extends RateLimit {
  /** Proxies in front of the service whose X-Forwarded-For entries are believed (TRUST_PROXY). */
  readonly trustedProxies: number;
}

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
  return number;
};

/** `<PREFIX>_PER_MINUTE`, `<PREFIX>_BURST` and TRUST_PROXY from the environment; a wrong value stops the service at start. */
export const rateLimitSettingsFrom = (env: NodeJS.ProcessEnv, prefix: string, defaults: RateLimit): RateLimitSettings => ({
  perMinute: positiveInteger(`${prefix}_PER_MINUTE`, env[`${prefix}_PER_MINUTE`], defaults.perMinute),
  burst: positiveInteger(`${prefix}_BURST`, env[`${prefix}_BURST`], defaults.burst),
  trustedProxies: trustedProxiesFrom(env.TRUST_PROXY),
});

/**
 * Limits a route per client address with a token bucket; past the limit the
 * answer is 429 with Retry-After (the error filter adds the Persian text).
 * Subclass it with the settings of the routes it guards.
 */
export class RateLimitGuard implements CanActivate {
  private readonly limiter: TokenBucketLimiter;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new TokenBucketLimiter(settings);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const client = clientAddress(request.socket?.remoteAddress, request.headers['x-forwarded-for'], this.settings.trustedProxies);
    const result = this.limiter.take(client, this.now());
    if (result.allowed) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(result.retryAfterSeconds));
    throw new HttpException(
      {
        error: 'too-many-requests',
        message: `Too many requests from this address; try again in ${result.retryAfterSeconds} s`,
        retryAfterSeconds: result.retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
