import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Actor, OFFICE_ROLES, OfficeRole } from '@cctv/kernel';
import type { EventMetadata } from '@cctv/event-store';

const ACTOR_ID = /^[A-Za-z0-9._@-]{1,64}$/;

/**
 * Who acts and in which office, from `X-Actor-Id` / `X-Actor-Role`, and the
 * request's correlation id (`X-Correlation-Id`, made up when absent).
 */
export const readActor = (request: Request): Actor => {
  const personId = String(request.header('x-actor-id') ?? '');
  const role = String(request.header('x-actor-role') ?? '') as OfficeRole;
  if (!ACTOR_ID.test(personId)) {
    throw new BadRequestException({
      error: 'validation-failed', field: 'x-actor-id',
      message: 'x-actor-id: header required (1–64 letters, digits, . _ @ -)',
      messageFa: 'سرآیند x-actor-id (شناسه کاربر اقدام‌کننده) الزامی است.',
    });
  }
  if (!OFFICE_ROLES.includes(role) || role === 'system') {
    throw new BadRequestException({
      error: 'validation-failed', field: 'x-actor-role',
      message: `x-actor-role: one of ${OFFICE_ROLES.filter((r) => r !== 'system').join(', ')}`,
      messageFa: 'سرآیند x-actor-role (نقش اداری کاربر) معتبر نیست.',
    });
  }
  return { personId, role };
};

export const correlationIdOf = (request: Request): string => {
  const given = request.header('x-correlation-id');
  return given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
};

export interface RequestContext {
  readonly actor: Actor;
  readonly correlationId: string;
}

/** Who asks, and the id that ties together everything this request causes. */
export const Requester = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext => {
    const request = ctx.switchToHttp().getRequest<Request>();
    return { actor: readActor(request), correlationId: correlationIdOf(request) };
  },
);

/** The metadata every event caused by this request carries. */
export const metadataFor = (context: RequestContext, now: Date): EventMetadata => ({
  occurredAt: now.toISOString(),
  correlationId: context.correlationId,
  causationId: null,
  actor: context.actor,
});
