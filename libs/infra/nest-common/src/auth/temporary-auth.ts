import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OfficeRole } from '@cctv/kernel';
import { authSettingsFrom } from './auth-settings';
import { issueDevToken } from './dev-token';
import { TokenVerifier } from './token-verifier';

/** A throwaway development key for tests: a verifier for the app under test and real tokens signed with the key. */
export const temporaryAuth = async () => {
  const keyDir = mkdtempSync(path.join(tmpdir(), 'cctv-auth-'));
  const verifier = await TokenVerifier.create(authSettingsFrom({ AUTH_DEV_KEY_DIR: keyDir }));
  const token = (role: OfficeRole, personId = `${role}-1`, nationalId?: string) =>
    issueDevToken({ keyDir, personId, roles: [role], ...(nationalId ? { nationalId } : {}) });
  return {
    keyDir,
    verifier,
    token,
    headers: async (role: OfficeRole, personId?: string, nationalId?: string) => ({ authorization: `Bearer ${await token(role, personId, nationalId)}` }),
    remove: () => rmSync(keyDir, { recursive: true, force: true }),
  };
};
