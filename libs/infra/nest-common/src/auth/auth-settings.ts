import path from 'node:path';

/**
 * Where the services find the keys that sign people's tokens.
 *
 * An operator points `AUTH_JWKS_URL` (e.g. Keycloak's
 * `…/realms/<realm>/protocol/openid-connect/certs`) or `AUTH_PUBLIC_KEY_FILE`
 * (a PEM public key or a JWKS JSON file) at their identity provider, with
 * `AUTH_ISSUER` and `AUTH_AUDIENCE`. With neither, the services use a local
 * development key in `AUTH_DEV_KEY_DIR`, made on first start; `npm run token`
 * signs with it. Production (`NODE_ENV=production`) refuses to start that way
 * unless `AUTH_ALLOW_DEV_KEY=true` says so (the single-machine compose file).
 */
export type KeySource =
  | { readonly kind: 'jwks-url'; readonly url: string }
  | { readonly kind: 'key-file'; readonly file: string }
  | { readonly kind: 'dev-key'; readonly dir: string };

export interface AuthSettings {
  readonly keys: KeySource;
  readonly issuer: string;
  readonly audience: string;
  /** Dotted path of the roles claim; Keycloak's `realm_access.roles` and `resource_access.<audience>.roles` are read as well. */
  readonly rolesClaim: string;
  /** Claim holding an owner's national ID (a user attribute mapped into the token). */
  readonly nationalIdClaim: string;
  /** Seconds of clock skew tolerated on `exp`/`nbf`. */
  readonly clockToleranceSeconds: number;
}

export const DEV_ISSUER = 'cctv-dev';
export const DEFAULT_AUDIENCE = 'cctv-permits';
export const DEFAULT_DEV_KEY_DIR = '.data/auth';

export const authSettingsFrom = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AuthSettings => {
  const jwksUrl = env.AUTH_JWKS_URL?.trim();
  const keyFile = env.AUTH_PUBLIC_KEY_FILE?.trim();
  if (jwksUrl && keyFile) throw new Error('AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE are both set; choose one');
  let keys: KeySource;
  if (jwksUrl) {
    if (!/^https?:\/\//.test(jwksUrl)) throw new Error(`AUTH_JWKS_URL must be an http(s) URL, not ${jwksUrl}`);
    keys = { kind: 'jwks-url', url: jwksUrl };
  } else if (keyFile) {
    keys = { kind: 'key-file', file: path.resolve(cwd, keyFile) };
  } else {
    if (env.NODE_ENV === 'production' && env.AUTH_ALLOW_DEV_KEY !== 'true') {
      throw new Error('NODE_ENV=production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE (and AUTH_ISSUER); the development key is for development only');
    }
    keys = { kind: 'dev-key', dir: path.resolve(cwd, env.AUTH_DEV_KEY_DIR?.trim() || DEFAULT_DEV_KEY_DIR) };
  }
  const issuer = env.AUTH_ISSUER?.trim() || (keys.kind === 'dev-key' ? DEV_ISSUER : '');
  if (!issuer) throw new Error('AUTH_ISSUER is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE (the "iss" of your identity provider)');
  const tolerance = Number(env.AUTH_CLOCK_TOLERANCE_SECONDS ?? 30);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) throw new Error('AUTH_CLOCK_TOLERANCE_SECONDS must be 0–300');
  return {
    keys,
    issuer,
    audience: env.AUTH_AUDIENCE?.trim() || DEFAULT_AUDIENCE,
    rolesClaim: env.AUTH_ROLES_CLAIM?.trim() || 'roles',
    nationalIdClaim: env.AUTH_NATIONAL_ID_CLAIM?.trim() || 'national_id',
    clockToleranceSeconds: tolerance,
  };
};
