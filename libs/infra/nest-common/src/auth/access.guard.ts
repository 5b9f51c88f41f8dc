import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AccessTable } from '@cctv/contracts';
import { AuthenticationError, type Principal, type TokenVerifier } from './token-verifier';
import type { Actor } from '@cctv/kernel';

/** What the guard leaves on the request for the handlers: the person, the role they act in, and an owner's national ID. */
export interface SignedInPerson {
  readonly actor: Actor;
  readonly nationalId?: string;
}

export type AuthenticatedRequest = Request & { signedIn?: SignedInPerson };

/** `/files/:fileId/documents/:kind` → `/files/{fileId}/documents/{kind}`, as OpenAPI writes it. */
export const openApiPath = (expressPath: string): string => {
  const path = expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/+$/, '');
  return path === '' ? '/' : path;
};

export const routeKeyOf = (method: string, expressPath: string) => `${method.toUpperCase()} ${openApiPath(expressPath)}`;

const unauthorized = (response: Response, error: string, message: string, messageFa: string, description = error) => {
  response.setHeader('WWW-Authenticate', `Bearer realm="cctv-permits", error="invalid_token", error_description="${description}"`);
  return new HttpException({ error, message, messageFa }, HttpStatus.UNAUTHORIZED);
};

/**
 * Every request passes here before any handler: public routes go through,
 * the others need a valid bearer token whose roles the table admits. The
 * acting role is the first of the person's roles that the route admits.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly table: AccessTable,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = routeKeyOf(request.method, (request.route as { path: string } | undefined)?.path ?? request.path);
    const access = this.table[key];
    if (access === undefined) {
      // Deny by default; the start-up check and the route × role test keep this from happening.
      throw new ForbiddenException({ error: 'route-not-in-access-table', message: `${key} is not in the access table`, messageFa: 'دسترسی به این مسیر تعریف نشده است.' });
    }
    if (access === 'public') return true;

    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) {
      throw unauthorized(response, 'missing-token',
        'Sign in first: send "Authorization: Bearer <token>"',
        'برای این درخواست باید وارد سامانه شوید (توکن ارسال نشده است).', 'missing bearer token');
    }
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthorized(response, error.code, error.message, error.messageFa);
      throw error;
    }
    const role = principal.roles.find((r) => (access as readonly string[]).includes(r));
    if (!role) {
      throw new ForbiddenException({
        error: 'role-not-allowed',
        message: `${key} is for ${access.join(', ')}; the token's roles are ${principal.roles.join(', ') || 'none'}`,
        messageFa: 'نقش شما اجازه این کار را ندارد.',
        allowedRoles: access,
      });
    }
    request.signedIn = { actor: { personId: principal.personId, role }, ...(principal.nationalId ? { nationalId: principal.nationalId } : {}) };
    return true;
  }
}

/** Routes of an OpenAPI document as table keys. */
export const routesOf = (document: { paths: Record<string, Record<string, unknown>> }): string[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`));

/** Refuses to start a service with a route the access table does not cover. */
export const assertTableCoversRoutes = (service: string, routes: readonly string[], table: AccessTable): void => {
  const missing = routes.filter((r) => !(r in table));
  if (missing.length) throw new Error(`${service}: routes missing from the access table: ${missing.join(', ')}`);
};
