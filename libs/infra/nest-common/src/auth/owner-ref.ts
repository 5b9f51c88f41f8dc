import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { comparableNationalId } from '@cctv/kernel';
import { DEFAULT_DEV_KEY_DIR } from './auth-settings';

const SECRET_FILE = 'owner-ref.secret';
const MIN_SECRET_LENGTH = 32;

/** Where the secret comes from: the environment, or a file in the development key folder made on first use. */
export type OwnerRefSecretSource = { readonly kind: 'secret'; readonly secret: string } | { readonly kind: 'dev-file'; readonly dir: string };

/**
 * `OWNER_REF_SECRET` keys the owner references; the union and the secretariat
 * must share it. Without it (development, tests, the single-machine compose
 * file with `AUTH_ALLOW_DEV_KEY=true`) a random one is kept next to the
 * development signing key, so every service of one machine uses the same.
 */
export const ownerRefSecretFrom = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): OwnerRefSecretSource => {
  const secret = env.OWNER_REF_SECRET?.trim();
  if (secret) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`OWNER_REF_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -base64 32)`);
    return { kind: 'secret', secret };
  }
  if (env.NODE_ENV === 'production' && env.AUTH_ALLOW_DEV_KEY !== 'true') {
    throw new Error('NODE_ENV=production needs OWNER_REF_SECRET, the same in the union and the secretariat (e.g. openssl rand -base64 32)');
  }
  return { kind: 'dev-file', dir: path.resolve(cwd, env.AUTH_DEV_KEY_DIR?.trim() || DEFAULT_DEV_KEY_DIR) };
};

const readSecret = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`the development owner-reference secret ${file} cannot be read: ${(error as Error).message}`);
  }
};

/** Loads the development secret, making it on first use; processes starting at once end up with the same one. */
export const ensureDevOwnerRefSecret = (dir: string): string => {
  const file = path.join(dir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  writeSync(fd, randomBytes(32).toString('base64url'));
  closeSync(fd);
  try {
    // link() refuses to replace: if another process published its secret first, everyone keeps that one.
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(`the development owner-reference secret cannot be written to ${dir}: ${(error as Error).message}`);
    }
  } finally {
    unlinkSync(temp);
  }
  return readSecret(file)!;
};

/**
 * Owner references: `base64url(HMAC-SHA256(secret, "<fileId>:<national ID digits>"))`.
 * The union gives one to each file it opens and publishes it instead of the
 * national ID; the secretariat recognises an owner by computing the same from
 * their sign-in. One per file, so files cannot be linked to one owner without the secret.
 */
export class OwnerRefs {
  private secret: Buffer | null = null;

  constructor(private readonly source: OwnerRefSecretSource) {}

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): OwnerRefs {
    return new OwnerRefs(ownerRefSecretFrom(env, cwd));
  }

  /** The reference of this owner for this file. */
  of(fileId: string, nationalId: string): string {
    return createHmac('sha256', this.key()).update(`${fileId}:${comparableNationalId(nationalId)}`, 'utf8').digest('base64url');
  }

  /** Whether `ownerRef` is this owner's for this file, compared in constant time. */
  matches(ownerRef: string, fileId: string, nationalId: string): boolean {
    const expected = Buffer.from(this.of(fileId, nationalId), 'utf8');
    const given = Buffer.from(ownerRef, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The check the secretariat's rule takes, for one file. */
  checkFor(fileId: string): (ownerRef: string, nationalId: string) => boolean {
    return (ownerRef, nationalId) => this.matches(ownerRef, fileId, nationalId);
  }

  private key(): Buffer {
    // The development file is made on first use, not at start: a service that never needs it leaves the folder alone.
    this.secret ??= Buffer.from(this.source.kind === 'secret' ? this.source.secret : ensureDevOwnerRefSecret(this.source.dir), 'utf8');
    return this.secret;
  }
}
