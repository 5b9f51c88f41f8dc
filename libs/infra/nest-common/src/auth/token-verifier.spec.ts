import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { authSettingsFrom } from './auth-settings';
import { AuthenticationError, TokenVerifier } from './token-verifier';

/**
 * The verifier against what an identity provider hands out: a JWKS served
 * over HTTP (Keycloak's certs endpoint), a PEM public key in a file, and
 * tokens that are expired, for someone else, or forged.
 */
const ISSUER = 'https://id.example.ir/realms/cctv';
const AUDIENCE = 'cctv-permits';

let folder: string;
let server: Server;
let jwksUrl: string;
let signingKey: CryptoKey;
let otherKey: CryptoKey;
let rsaPem: string;
let rsaKey: CryptoKey;

const token = (claims: Record<string, unknown>, options: { key?: CryptoKey; alg?: string; kid?: string; iss?: string; aud?: string; exp?: number; sub?: string | null } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? 'k1' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(options.exp ?? now + 600);
  if (options.sub !== null) jwt = jwt.setSubject(options.sub ?? 'person-1');
  return jwt.sign(options.key ?? signingKey);
};

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'cctv-verifier-'));
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  const rsa = await generateKeyPair('RS256', { extractable: true });
  rsaKey = rsa.privateKey;
  rsaPem = await exportSPKI(rsa.publicKey);
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  server = createServer((request, response) => {
    if (request.url === '/realms/cctv/protocol/openid-connect/certs') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  jwksUrl = `http://127.0.0.1:${port}/realms/cctv/protocol/openid-connect/certs`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

const viaJwks = () => TokenVerifier.create(authSettingsFrom({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE }));

const refusal = async (verifier: TokenVerifier, jwt: string) => {
  try {
    await verifier.verify(jwt);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).code;
  }
  throw new Error('the token was accepted');
};

describe('verifying tokens against the identity provider’s keys', () => {
  it('accepts a token from the JWKS URL and reads Keycloak’s realm roles and the owner’s national ID', async () => {
    const verifier = await viaJwks();
    const principal = await verifier.verify(await token({ realm_access: { roles: ['owner', 'offline_access'] }, national_id: '0013542419' }));
    expect(principal).toEqual({ personId: 'person-1', roles: ['owner'], nationalId: '0013542419' });
  });

  it('reads client roles under resource_access.<audience> and a plain roles claim; unknown roles and "system" are dropped', async () => {
    const verifier = await viaJwks();
    expect((await verifier.verify(await token({ resource_access: { [AUDIENCE]: { roles: ['inspector'] } } }))).roles).toEqual(['inspector']);
    expect((await verifier.verify(await token({ roles: ['system', 'registrar', 'admin'] }))).roles).toEqual(['registrar']);
  });

  it('refuses expired, foreign, mis-addressed, forged and subject-less tokens, each with its own reason', async () => {
    const verifier = await viaJwks();
    expect(await refusal(verifier, await token({}, { exp: Math.floor(Date.now() / 1000) - 120 }))).toBe('token-expired');
    expect(await refusal(verifier, await token({}, { iss: 'https://evil.example/realms/cctv' }))).toBe('wrong-issuer');
    expect(await refusal(verifier, await token({}, { aud: 'another-app' }))).toBe('wrong-audience');
    expect(await refusal(verifier, await token({}, { key: otherKey }))).toBe('bad-signature');
    expect(await refusal(verifier, await token({}, { sub: null }))).toBe('invalid-token');
    expect(await refusal(verifier, await token({}, { sub: 'a b<script>' }))).toBe('invalid-subject');
    expect(await refusal(verifier, 'not.a.token')).toBe('invalid-token');
  });

  it('a token accepted before, and remembered since, is refused once it has expired', async () => {
    const verifier = await TokenVerifier.create(authSettingsFrom({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_CLOCK_TOLERANCE_SECONDS: '0' }));
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const jwt = await token({ roles: ['inspector'] }, { exp: expiresAt });
    expect((await verifier.verify(jwt)).roles).toEqual(['inspector']);
    expect((await verifier.verify(jwt)).roles).toEqual(['inspector']);
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 50));
    expect(await refusal(verifier, jwt)).toBe('token-expired');
  });

  it('refuses an unsigned token ("alg": "none")', async () => {
    const verifier = await viaJwks();
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: now + 600, roles: ['union-head'] })}.`;
    expect(['invalid-token', 'bad-signature']).toContain(await refusal(verifier, unsigned));
  });

  it('accepts a PEM public key file (RS256) and refuses the same token under another issuer setting', async () => {
    const file = path.join(folder, 'idp.pem');
    writeFileSync(file, rsaPem);
    const verifier = await TokenVerifier.create(authSettingsFrom({ AUTH_PUBLIC_KEY_FILE: file, AUTH_ISSUER: ISSUER }));
    const jwt = await token({ roles: ['union-clerk'] }, { key: rsaKey, alg: 'RS256' });
    expect((await verifier.verify(jwt)).roles).toEqual(['union-clerk']);
    const strict = await TokenVerifier.create(authSettingsFrom({ AUTH_PUBLIC_KEY_FILE: file, AUTH_ISSUER: 'https://other.example' }));
    expect(await refusal(strict, jwt)).toBe('wrong-issuer');
  });

  it('says when the provider’s keys cannot be fetched', async () => {
    const verifier = await TokenVerifier.create(authSettingsFrom({ AUTH_JWKS_URL: 'http://127.0.0.1:9/certs', AUTH_ISSUER: ISSUER }));
    expect(await refusal(verifier, await token({}))).toBe('keys-unavailable');
  });
});

describe('the auth settings an operator gives', () => {
  it('needs an issuer with a real provider, and refuses the development key in production', () => {
    expect(() => authSettingsFrom({ AUTH_JWKS_URL: 'https://id.example.ir/certs' })).toThrow(/AUTH_ISSUER/);
    expect(() => authSettingsFrom({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE/);
    expect(authSettingsFrom({ NODE_ENV: 'production', AUTH_ALLOW_DEV_KEY: 'true' }).keys.kind).toBe('dev-key');
    expect(() => authSettingsFrom({ AUTH_JWKS_URL: 'ftp://x', AUTH_ISSUER: 'i' })).toThrow(/http/);
  });
});
