import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '@cctv/kernel';
import type { EventMetadata } from '@cctv/event-store';
import type { AuthenticatedRequest } from './auth/access.guard';

export const correlationIdOf = (request: Request): string => {
  const given = request.header('x-correlation-id');
  return given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
};

export interface RequestContext {
  /** The signed-in person and the office role they act in (from the verified token). */
  readonly actor: Actor;
  /** An owner's national ID from their token, to match them with their own files. */
  readonly nationalId?: string;
  readonly correlationId: string;
}

/** Who asks, as the access guard verified them, and the id that ties together everything this request causes. */
export const Requester = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.signedIn) {
      throw new UnauthorizedException({ error: 'missing-token', message: 'Sign in first', messageFa: 'برای این درخواست باید وارد سامانه شوید.' });
    }
    return { ...request.signedIn, correlationId: correlationIdOf(request) };
  },
);

/** The metadata every event caused by this request carries. */
export const metadataFor = (context: RequestContext, now: Date): EventMetadata => ({
  occurredAt: now.toISOString(),
  correlationId: context.correlationId,
  causationId: null,
  actor: context.actor,
});
