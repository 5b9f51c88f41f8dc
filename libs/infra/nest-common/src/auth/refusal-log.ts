import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedRequest } from './access.guard';

const logger = new Logger('access');

/**
 * One warning line per refused sign-in, role or rate: failed sign-ins and
 * probing show in the logs. The route's pattern, never the query string or
 * the body (a search may carry a national ID); an owner is logged as "owner".
 */
export const logRefusal = (request: Request, status: number, code: unknown): void => {
  const route = (request.route as { path?: string } | undefined)?.path ?? '(before routing)';
  const signedIn = (request as AuthenticatedRequest).signedIn?.actor;
  const who = signedIn ? (signedIn.role === 'owner' ? 'owner' : `${signedIn.personId} as ${signedIn.role}`) : 'anonymous';
  logger.warn(`refused ${status} ${String(code ?? '')} ${request.method} ${route} (${who}, correlation ${String((request as { correlationId?: string }).correlationId ?? '-')})`);
};
