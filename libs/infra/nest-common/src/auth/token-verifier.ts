import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet, createRemoteJWKSet, errors, importSPKI, jwtVerify,
  type JWK, type JWTPayload, type JWTVerifyGetKey, type CryptoKey,
} from 'jose';
import { OFFICE_ROLES, type OfficeRole } from '@cctv/kernel';
import type { AuthSettings } from './auth-settings';
import { ensureDevKey } from './dev-key';

/** Who a verified token speaks for. `nationalId` is set for owners whose identity provider maps it into the token. */
export interface Principal {
  readonly personId: string;
  readonly roles: readonly OfficeRole[];
  readonly nationalId?: string;
}

/** Why a token was not accepted; always answered with 401. */
export class AuthenticationError extends Error {
  constructor(readonly code: string, message: string, readonly messageFa: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const PERSON_ID = /^[A-Za-z0-9._@:-]{1,128}$/;
const PERSON_ROLES = OFFICE_ROLES.filter((r) => r !== 'system');
const RESERVED_PERSON_IDS = new Set(['system', 'owner']);

type KeyLookup = JWTVerifyGetKey | CryptoKey;

/** Tokens verified lately, at most this many, each for at most `REMEMBER_MS` and never past its expiry. */
const REMEMBERED_TOKENS = 2_000;
const REMEMBER_MS = 60_000;

const loadKeyFile = async (file: string): Promise<KeyLookup> => {
  const text = readFileSync(file, 'utf8').trim();
  if (text.startsWith('{')) {
    const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
    return createLocalJWKSet(parsed.keys ? { keys: parsed.keys } : { keys: [parsed] });
  }
  if (text.includes('BEGIN PUBLIC KEY')) {
    const alg = process.env.AUTH_PUBLIC_KEY_ALG?.trim() || 'RS256';
    return importSPKI(text, alg);
  }
  throw new Error(`${file}: expected a PEM public key ("BEGIN PUBLIC KEY") or a JWKS JSON document`);
};

const claimAt = (payload: JWTPayload, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);

const stringsAt = (payload: JWTPayload, dotted: string): string[] => {
  const value = claimAt(payload, dotted);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
};

/** Checks a bearer token against the configured issuer's keys and says who it is for. */
export class TokenVerifier {
  /**
   * A signature check costs far more than the request it guards; a client
   * sends the same token with every request. A token verified in the last
   * minute is taken at its word until it expires, so a key withdrawn from the
   * provider's set stops working a minute later at most.
   */
  private readonly remembered = new Map<string, { readonly principal: Principal; readonly until: number }>();

  private constructor(
    private readonly settings: AuthSettings,
    private readonly key: KeyLookup,
  ) {}

  static async create(settings: AuthSettings): Promise<TokenVerifier> {
    const source = settings.keys;
    switch (source.kind) {
      case 'jwks-url':
        return new TokenVerifier(settings, createRemoteJWKSet(new URL(source.url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }));
      case 'key-file':
        return new TokenVerifier(settings, await loadKeyFile(source.file));
      case 'dev-key': {
        const key = await ensureDevKey(source.dir);
        return new TokenVerifier(settings, createLocalJWKSet({ keys: [key.publicJwk] }));
      }
    }
  }

  describeSource(): string {
    const source = this.settings.keys;
    if (source.kind === 'jwks-url') return `JWKS ${source.url}, issuer ${this.settings.issuer}`;
    if (source.kind === 'key-file') return `key file ${source.file}, issuer ${this.settings.issuer}`;
    return `development key in ${source.dir} (npm run token -- --role … --person …)`;
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.remembered.get(token);
    if (known && now < known.until) return known.principal;
    if (known) this.remembered.delete(token);
    const { principal, expiresAt } = await this.verifyAfresh(token);
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(token, { principal, until: Math.min(now + REMEMBER_MS, expiresAt + this.settings.clockToleranceSeconds * 1000) });
    return principal;
  }

  private async verifyAfresh(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as JWTVerifyGetKey, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw describeFailure(error, this.settings);
    }
    const personId = payload.sub ?? '';
    // 'system' names the services' own steps in the audit trail and 'owner' an owner on public topics: no person signs in as either.
    if (!PERSON_ID.test(personId) || RESERVED_PERSON_IDS.has(personId.toLowerCase())) {
      throw new AuthenticationError('invalid-subject', 'The token\'s subject ("sub") is not a usable person id', 'شناسه کاربر در توکن معتبر نیست.');
    }
    const audience = this.settings.audience;
    const named = new Set([
      ...stringsAt(payload, this.settings.rolesClaim),
      ...stringsAt(payload, 'realm_access.roles'),
      ...stringsAt(payload, `resource_access.${audience}.roles`),
    ]);
    const roles = PERSON_ROLES.filter((r) => named.has(r));
    const nationalId = claimAt(payload, this.settings.nationalIdClaim);
    return {
      principal: Object.freeze({ personId, roles: Object.freeze(roles), ...(typeof nationalId === 'string' && nationalId ? { nationalId } : {}) }),
      expiresAt: (payload.exp ?? 0) * 1000, // required above
    };
  }
}

const describeFailure = (error: unknown, settings: AuthSettings): AuthenticationError => {
  if (error instanceof errors.JWTExpired) {
    return new AuthenticationError('token-expired', 'The token has expired; sign in again', 'اعتبار توکن به پایان رسیده است؛ دوباره وارد شوید.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'iss') return new AuthenticationError('wrong-issuer', `The token was not issued by ${settings.issuer}`, 'توکن از صادرکننده مورد اعتماد نیست.');
    if (claim === 'aud') return new AuthenticationError('wrong-audience', `The token is not meant for ${settings.audience}`, 'توکن برای این سامانه صادر نشده است.');
    if (claim === 'nbf') return new AuthenticationError('token-not-yet-valid', 'The token is not valid yet', 'توکن هنوز معتبر نشده است.');
    return new AuthenticationError('invalid-token', `The token lacks a valid "${claim}" claim`, 'توکن ناقص است.');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('bad-signature', 'The token\'s signature does not match the issuer\'s keys', 'امضای توکن معتبر نیست.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthenticationError('bad-signature', 'The token is signed with an algorithm that is not accepted', 'امضای توکن پذیرفته نیست.');
  }
  // fetch() errors come from Node's own realm, so they are recognised by name and message rather than class.
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (name === 'TypeError' && /fetch/i.test(message ?? ''))
    || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(message ?? '')) {
    return new AuthenticationError('keys-unavailable', 'The identity provider\'s keys cannot be fetched right now', 'کلیدهای سامانه احراز هویت در دسترس نیست؛ بعداً تلاش کنید.');
  }
  return new AuthenticationError('invalid-token', 'The bearer token is malformed', 'توکن نامعتبر است.');
};
