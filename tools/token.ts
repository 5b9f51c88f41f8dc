/**
 * Signs a token with the local development key (made on first use, in
 * AUTH_DEV_KEY_DIR, default .data/auth) for the embedded default and local
 * stacks. With a real identity provider, people get their tokens from it.
 *
 *   npm run -s token -- --role union-clerk --person clerk-reza
 *   npm run -s token -- --role owner --person owner-zahra --national-id 0013542419 --ttl 2h
 */
import path from 'node:path';
import { OFFICE_ROLES, type OfficeRole } from '@cctv/kernel';
import { DEFAULT_DEV_KEY_DIR, issueDevToken } from '@cctv/nest-common';

const USAGE = 'usage: npm run -s token -- --role <role>[,<role>…] --person <person id> [--national-id <10 digits>] [--ttl 8h|30m|3600]';

const parse = (argv: string[]) => {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag?.startsWith('--') || value === undefined) throw new Error(USAGE);
    given.set(flag.slice(2), value);
  }
  for (const key of given.keys()) if (!['role', 'person', 'national-id', 'ttl', 'key-dir'].includes(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  const roles = (given.get('role') ?? '').split(',').filter(Boolean);
  const people = OFFICE_ROLES.filter((r) => r !== 'system');
  const unknown = roles.filter((r) => !(people as readonly string[]).includes(r));
  if (!roles.length || unknown.length) throw new Error(`--role must be one or more of ${people.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}\n${USAGE}`);
  const person = given.get('person') ?? '';
  if (!/^[A-Za-z0-9._@:-]{1,128}$/.test(person)) throw new Error(`--person must be 1–128 letters, digits or . _ @ : -\n${USAGE}`);
  const ttlText = given.get('ttl') ?? '8h';
  const ttl = /^(\d+)([smh]?)$/.exec(ttlText);
  if (!ttl) throw new Error(`--ttl like 8h, 30m or 3600\n${USAGE}`);
  const ttlSeconds = Number(ttl[1]) * ({ '': 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[ttl[2]];
  return { roles: roles as OfficeRole[], person, nationalId: given.get('national-id'), ttlSeconds, keyDir: given.get('key-dir') };
};

const main = async () => {
  const options = parse(process.argv.slice(2));
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
