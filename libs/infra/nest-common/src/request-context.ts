import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Actor } from '@cctv/kernel';
import type { EventMetadata } from '@cctv/event-store';
import type { AuthenticatedRequest } from './auth/access.guard';

type Correlated = Request & { correlationId?: string };

/**
 * The id that ties together everything one request causes, in every office:
 * the client's `X-Correlation-Id` when it looks like an id (letters or dashes
 * in it — never a bare number, which could be someone's national ID), else a
 * new one. Answered back in the same header.
 */
export const correlationIdOf = (request: Request): string => {
  const correlated = request as Correlated;
  if (correlated.correlationId) return correlated.correlationId;
  const given = request.header('x-correlation-id');
  correlated.correlationId = given && /^[A-Za-z0-9-]{8,64}$/.test(given) && /[A-Za-z-]/.test(given) ? given : randomUUID();
  return correlated.correlationId;
};

/** Gives each request its correlation id before anything else, and says it in the answer. */
export const correlationId = () => (request: Request, response: Response, next: () => void): void => {
  response.setHeader('x-correlation-id', correlationIdOf(request));
  next();
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
