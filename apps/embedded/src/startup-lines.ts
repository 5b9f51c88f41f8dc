import type { EmbeddedStack } from './start-embedded';

/**
 * Where the data lives, as `npm start` prints it. With PGlite, the psql
 * command names the port actually taken: 5439 when it was free, another one
 * when something else already listened there.
 */
export const dataLines = (stack: Pick<EmbeddedStack, 'dataDir' | 'databaseUrl'>): string[] => {
  if (!stack.dataDir) return [`data: PostgreSQL at ${redact(stack.databaseUrl)}`];
  const url = new URL(stack.databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  // Listening on every interface (HOST=0.0.0.0): psql on this machine reaches it on the loopback.
  const host = ['0.0.0.0', '[::]'].includes(url.hostname) ? '127.0.0.1' : url.hostname;
  return [
    `data: PGlite in ${stack.dataDir} (npm start -- --fresh starts empty)`,
    `look inside: psql -h ${host} -p ${url.port} -U ${decodeURIComponent(url.username) || 'postgres'} ${database}`,
  ];
};

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** How to sign in: the development key's command, or the identity provider the environment names. */
export const signInLine = (env: NodeJS.ProcessEnv = process.env): string =>
  env.AUTH_JWKS_URL?.trim() || env.AUTH_PUBLIC_KEY_FILE?.trim()
    ? `sign in: tokens from ${env.AUTH_JWKS_URL?.trim() || env.AUTH_PUBLIC_KEY_FILE?.trim()} (issuer ${env.AUTH_ISSUER ?? '?'})`
    : `sign in: TOKEN=$(npm run -s token -- --role union-clerk --person clerk-1), then send "Authorization: Bearer $TOKEN" (development key in ${env.AUTH_DEV_KEY_DIR?.trim() || '.data/auth'})`;
