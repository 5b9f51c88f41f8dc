import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The development signing key: an ES256 pair kept in one folder, private half readable by its owner only. */
export interface DevKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

const PRIVATE_FILE = 'signing-key.private.jwk.json';

const readKey = (dir: string): DevKey | undefined => {
  try {
    const privateJwk = JSON.parse(readFileSync(path.join(dir, PRIVATE_FILE), 'utf8')) as JWK;
    const { d: _secret, ...publicJwk } = privateJwk;
    return { privateJwk, publicJwk };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`the development key in ${dir} cannot be read: ${(error as Error).message}`);
  }
};

/** Loads the key, making it on first use; two processes starting at once end up with the same key. */
export const ensureDevKey = async (dir: string): Promise<DevKey> => {
  const existing = readKey(dir);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk: JWK = { ...jwk, kid, alg: 'ES256', use: 'sig' };
  const temp = path.join(dir, `${PRIVATE_FILE}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  writeSync(fd, JSON.stringify(privateJwk));
  closeSync(fd);
  try {
    // link() refuses to replace: if another process published its key first, everyone keeps that one.
    linkSync(temp, path.join(dir, PRIVATE_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(`the development key cannot be written to ${dir}: ${(error as Error).message}`);
    }
  } finally {
    unlinkSync(temp);
  }
  return readKey(dir)!;
};

export const devSigningKey = async (key: DevKey) => importJWK(key.privateJwk, 'ES256');
