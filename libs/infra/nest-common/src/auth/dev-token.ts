import { SignJWT } from 'jose';
import type { OfficeRole } from '@cctv/kernel';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from './auth-settings';
import { devSigningKey, ensureDevKey } from './dev-key';

export interface DevTokenRequest {
  readonly keyDir: string;
  readonly personId: string;
  readonly roles: readonly OfficeRole[];
  readonly nationalId?: string;
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** A token signed with the local development key, shaped like an OpenID Connect access token. */
export const issueDevToken = async (request: DevTokenRequest): Promise<string> => {
  const key = await ensureDevKey(request.keyDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [...request.roles], ...(request.nationalId ? { national_id: request.nationalId } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid, typ: 'JWT' })
    .setSubject(request.personId)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.ttlSeconds ?? 8 * 3600))
    .sign(await devSigningKey(key));
};
