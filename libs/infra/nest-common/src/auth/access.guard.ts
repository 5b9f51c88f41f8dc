import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { OFFICE_ROLES, type Actor, type OfficeRole } from '@cctv/kernel';
import type { Request, Response } from 'express';
import type { AccessTable } from '@cctv/contracts';
import { logRefusal } from './refusal-log';
import { AuthenticationError, type Principal, type TokenVerifier } from './token-verifier';

/** What the guard leaves on the request for the handlers: the person, the role they act in, and an owner's national ID. */
export interface SignedInPerson {
  readonly actor: Actor;
  readonly nationalId?: string;
}

export type AuthenticatedRequest = Request & { principal?: Principal; signedIn?: SignedInPerson };

/** `/files/:fileId/documents/:kind` → `/files/{fileId}/documents/{kind}`, as OpenAPI writes it. */
export const openApiPath = (expressPath: string): string => {
  const path = expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/+$/, '');
  return path === '' ? '/' : path;
};

export const routeKeyOf = (method: string, expressPath: string) => `${method.toUpperCase()} ${openApiPath(expressPath)}`;

const PERSON_ROLES = new Set<string>(OFFICE_ROLES.filter((r) => r !== 'system'));

/** A refusal for a missing or bad token: 401 with the reason, and the header RFC 6750 asks for. */
export class Unauthenticated extends HttpException {
  constructor(readonly code: string, message: string, messageFa: string) {
    super({ statusCode: 401, error: code, message, messageFa }, HttpStatus.UNAUTHORIZED);
  }

  get wwwAuthenticate(): string {
    return `Bearer realm="cctv-permits", error="invalid_token", error_description="${this.code}"`;
  }
}

const fail = (response: Response, error: Unauthenticated): never => {
  response.setHeader('WWW-Authenticate', error.wwwAuthenticate);
  throw error;
};

/** Checks the request's bearer token once and keeps who it is for on the request. */
export const authenticate = async (request: AuthenticatedRequest, response: Response, verifier: TokenVerifier): Promise<Principal> => {
  if (request.principal) return request.principal;
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
  if (!match) {
    return fail(response, new Unauthenticated('missing-token',
      'Sign in first: send "Authorization: Bearer <token>"',
      'برای این درخواست باید وارد سامانه شوید (توکن ارسال نشده است).'));
  }
  try {
    request.principal = await verifier.verify(match[1]);
    return request.principal;
  } catch (error) {
    if (error instanceof AuthenticationError) return fail(response, new Unauthenticated(error.code, error.message, error.messageFa));
    throw error;
  }
};

/**
 * The role a person acts in: the one they name in `X-Acting-Role` when their
 * token holds several, otherwise the first office role the route admits —
 * staff roles before `owner`, so that a clerk who also owns a file acts as a
 * clerk unless they say otherwise (and the rules keep them off their own file).
 */
export const actingRole = (principal: Principal, access: readonly string[], asked: string | undefined, key: string): OfficeRole => {
  if (asked !== undefined && asked !== '') {
    if (!PERSON_ROLES.has(asked) || !principal.roles.includes(asked as OfficeRole)) {
      throw new ForbiddenException({
        error: 'acting-role-not-held',
        message: `X-Acting-Role names ${asked.slice(0, 40)}, which the token does not hold`,
        messageFa: 'نقشی که برای اقدام انتخاب کرده‌اید در اطلاعات ورود شما نیست.',
      });
    }
    if (!access.includes(asked)) throw roleNotAllowed(key, access, [asked]);
    return asked as OfficeRole;
  }
  const admitted = principal.roles.filter((r) => access.includes(r));
  const role = admitted.find((r) => r !== 'owner') ?? admitted[0];
  if (!role) throw roleNotAllowed(key, access, principal.roles);
  return role;
};

const roleNotAllowed = (key: string, access: readonly string[], held: readonly string[]) => new ForbiddenException({
  error: 'role-not-allowed',
  message: `${key} is for ${access.join(', ')}; the token's office roles are ${held.join(', ') || 'none'}`,
  messageFa: 'نقش شما اجازه این کار را ندارد.',
  allowedRoles: access,
});

/**
 * Every request passes here before any handler: public routes go through,
 * the others need a valid bearer token (usually checked already, before the
 * body was read) whose roles the table admits.
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
    const principal = await authenticate(request, response, this.verifier);
    const asked = request.headers['x-acting-role'];
    const role = actingRole(principal, access, typeof asked === 'string' ? asked.trim() : undefined, key);
    request.signedIn = { actor: { personId: principal.personId, role }, ...(principal.nationalId ? { nationalId: principal.nationalId } : {}) };
    return true;
  }
}

/**
 * Before the body is read: a request to a route that needs a token and has
 * none (or a bad one) is answered 401 at once, so an anonymous caller meets
 * "sign in" rather than a body-size or syntax error, and no body is parsed
 * for them. The guard stays the authority: a path this matcher misses is
 * checked there.
 */
export const authenticateEarly = (table: AccessTable, verifier: TokenVerifier) => {
  const patterns = Object.entries(table).map(([key, access]) => {
    const [method, path] = key.split(' ');
    const source = path.split('/').map((part) => (/^\{.+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
    return { method, pattern: new RegExp(`^${source}/?$`, 'i'), access };
  });
  return (request: AuthenticatedRequest, response: Response, next: (error?: unknown) => void): void => {
    const found = patterns.filter((p) => p.method === request.method && p.pattern.test(request.path));
    if (found.length === 0 || found.some((p) => p.access === 'public')) return next();
    authenticate(request, response, verifier).then(() => next(), (error: unknown) => {
      if (!(error instanceof Unauthenticated)) return next(error);
      logRefusal(request, 401, error.code);
      response.status(401).json(error.getResponse());
    });
  };
};

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
