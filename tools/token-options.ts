import { isValidLegalEntityId, isValidNationalId, OFFICE_ROLES, toAsciiDigits, type OfficeRole } from '@cctv/kernel';

export const TOKEN_USAGE =
  'usage: npm run -s token -- --role <role>[,<role>…] --person <person id> [--national-id <10-digit national ID or 11-digit legal-entity ID>] [--ttl 8h|30m|3600, 1 minute to 30 days]';

export interface TokenOptions {
  readonly roles: OfficeRole[];
  readonly person: string;
  /** ASCII digits. */
  readonly nationalId?: string;
  readonly ttlSeconds: number;
  readonly keyDir?: string;
}

const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 30 * 24 * 3600;
const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Reads `npm run token`'s arguments; throws with a sentence and the usage on anything it cannot sign. */
export const parseTokenOptions = (argv: readonly string[]): TokenOptions => {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag?.startsWith('--') || value === undefined) throw new Error(TOKEN_USAGE);
    given.set(flag.slice(2), value);
  }
  for (const key of given.keys()) if (!['role', 'person', 'national-id', 'ttl', 'key-dir'].includes(key)) throw new Error(`unknown option --${key}\n${TOKEN_USAGE}`);
  const roles = (given.get('role') ?? '').split(',').filter(Boolean);
  const people = OFFICE_ROLES.filter((r) => r !== 'system');
  const unknown = roles.filter((r) => !(people as readonly string[]).includes(r));
  if (!roles.length || unknown.length) throw new Error(`--role must be one or more of ${people.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}\n${TOKEN_USAGE}`);
  const person = given.get('person') ?? '';
  if (!/^[A-Za-z0-9._@:-]{1,128}$/.test(person)) throw new Error(`--person must be 1–128 letters, digits or . _ @ : -\n${TOKEN_USAGE}`);
  return { roles: roles as OfficeRole[], person, ...nationalIdOf(given.get('national-id')), ttlSeconds: ttlOf(given.get('ttl') ?? '8h'), keyDir: given.get('key-dir') };
};

/** The owner's ID as the services store it: ASCII digits, whichever keyboard typed it. */
const nationalIdOf = (text: string | undefined): { nationalId?: string } => {
  if (text === undefined) return {};
  const digits = toAsciiDigits(text).replace(/[\s-]/g, '');
  if (!isValidNationalId(digits) && !isValidLegalEntityId(digits)) {
    throw new Error(`--national-id ${text} is neither a national ID (10 digits) nor a legal-entity ID (11 digits) with a correct check digit\n${TOKEN_USAGE}`);
  }
  return { nationalId: digits };
};

const ttlOf = (text: string): number => {
  const ttl = /^(\d+)([smhd]?)$/.exec(text);
  if (!ttl) throw new Error(`--ttl like 8h, 30m or 3600 (seconds)\n${TOKEN_USAGE}`);
  const seconds = Number(ttl[1]) * UNIT_SECONDS[ttl[2]];
  if (seconds < MIN_TTL_SECONDS || seconds > MAX_TTL_SECONDS) throw new Error(`--ttl ${text} must be between 1 minute and 30 days\n${TOKEN_USAGE}`);
  return seconds;
};
