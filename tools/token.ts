/**
 * Signs a token with the local development key (made on first use, in
 * AUTH_DEV_KEY_DIR, default .data/auth) for the embedded default and local
 * stacks. With a real identity provider, people get their tokens from it.
 *
 *   npm run -s token -- --role union-clerk --person clerk-reza
 *   npm run -s token -- --role owner --person owner-zahra --national-id 0013542419 --ttl 2h
 */
import path from 'node:path';
import { DEFAULT_DEV_KEY_DIR, issueDevToken } from '@cctv/nest-common';
import { parseTokenOptions } from './token-options';

const main = async () => {
  const options = parseTokenOptions(process.argv.slice(2));
  const keyDir = path.resolve(options.keyDir ?? process.env.AUTH_DEV_KEY_DIR ?? DEFAULT_DEV_KEY_DIR);
  const token = await issueDevToken({
    keyDir, personId: options.person, roles: options.roles, ttlSeconds: options.ttlSeconds,
    ...(options.nationalId ? { nationalId: options.nationalId } : {}),
  });
  process.stderr.write(`token for ${options.person} as ${options.roles.join(', ')}, valid ${options.ttlSeconds} s, signed with the development key in ${keyDir}\n`);
  process.stdout.write(`${token}\n`);
};

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
