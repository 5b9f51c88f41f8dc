import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OwnerRefs, ownerRefSecretFrom } from './owner-ref';

const SECRET = 'a-test-secret-long-enough-for-owner-refs-0123456789';
const FILE_A = '5b0f7c4e-8f5a-4d55-a7a0-0c6a3b7e2b11';
const FILE_B = '9d2e1f60-1c1b-4e0e-9c7e-3f8f6c2d4a10';
const NATIONAL_ID = '0013542419';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'cctv-owner-ref-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('owner references', () => {
  const refs = new OwnerRefs({ kind: 'secret', secret: SECRET });

  it('are the HMAC-SHA256 of "<fileId>:<national ID digits>" in base64url, whatever digits the ID was written in', () => {
    const ref = refs.of(FILE_A, NATIONAL_ID);
    expect(ref).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ref).not.toContain(NATIONAL_ID);
    expect(refs.of(FILE_A, '۰۰۱۳۵۴۲۴۱۹')).toBe(ref);
  });

  it('differ from file to file and from secret to secret, so one owner’s files cannot be linked without it', () => {
    expect(refs.of(FILE_B, NATIONAL_ID)).not.toBe(refs.of(FILE_A, NATIONAL_ID));
    expect(new OwnerRefs({ kind: 'secret', secret: `${SECRET}x` }).of(FILE_A, NATIONAL_ID)).not.toBe(refs.of(FILE_A, NATIONAL_ID));
  });

  it('match their own owner and file only', () => {
    const ref = refs.of(FILE_A, NATIONAL_ID);
    expect(refs.matches(ref, FILE_A, NATIONAL_ID)).toBe(true);
    expect(refs.matches(ref, FILE_A, '0067749828')).toBe(false);
    expect(refs.matches(ref, FILE_B, NATIONAL_ID)).toBe(false);
    expect(refs.matches(ref.slice(1), FILE_A, NATIONAL_ID)).toBe(false);
    expect(refs.checkFor(FILE_A)(ref, NATIONAL_ID)).toBe(true);
  });
});

describe('the owner-reference secret', () => {
  it('comes from OWNER_REF_SECRET, which must be long enough', () => {
    expect(ownerRefSecretFrom({ OWNER_REF_SECRET: SECRET })).toEqual({ kind: 'secret', secret: SECRET });
    expect(() => ownerRefSecretFrom({ OWNER_REF_SECRET: 'short' })).toThrow(/OWNER_REF_SECRET/);
  });

  it('is required in production, unless the development key is explicitly allowed', () => {
    expect(() => ownerRefSecretFrom({ NODE_ENV: 'production' })).toThrow(/OWNER_REF_SECRET/);
    expect(ownerRefSecretFrom({ NODE_ENV: 'production', AUTH_ALLOW_DEV_KEY: 'true', AUTH_DEV_KEY_DIR: folder })).toEqual({ kind: 'dev-file', dir: folder });
    expect(ownerRefSecretFrom({}, '/srv/app')).toEqual({ kind: 'dev-file', dir: '/srv/app/.data/auth' });
  });

  it('otherwise is made once in the development key folder, readable by its owner only, and shared by every service there', () => {
    const dir = path.join(folder, 'auth');
    const union = OwnerRefs.fromEnvironment({ AUTH_DEV_KEY_DIR: dir });
    const secretariat = OwnerRefs.fromEnvironment({ AUTH_DEV_KEY_DIR: dir });
    const ref = union.of(FILE_A, NATIONAL_ID);
    expect(secretariat.matches(ref, FILE_A, NATIONAL_ID)).toBe(true);
    expect(statSync(path.join(dir, 'owner-ref.secret')).mode & 0o777).toBe(0o600);
    expect(OwnerRefs.fromEnvironment({ AUTH_DEV_KEY_DIR: path.join(folder, 'elsewhere') }).of(FILE_A, NATIONAL_ID)).not.toBe(ref);
  });
});
