import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceName } from '@cctv/contracts';

// The deployable services are the ones the local stack starts; apps/ also holds
// other entry points (such as the single-process embedded mode) that are not deployed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICES } = require('../stack.js') as { SERVICES: { name: ServiceName; port: number }[] };

export const deployedServices: readonly ServiceName[] = SERVICES.map((service) => service.name);

/** The two offices that turn owner references into each other's: both need the same OWNER_REF_SECRET, nobody else gets it. */
export const ownerRefServices: readonly ServiceName[] = ['union-intake', 'secretariat-inspection'];

/** Whether a deployment variable belongs to sign-in (and so must be one the code reads). */
export const isSignInVariable = (name: string): boolean => /^(AUTH_|OWNER_REF_)/.test(name);

/** The sign-in variables the services read, from the code itself, so a misspelt one in a deployment file is caught. */
export const signInVariablesRead: ReadonlySet<string> = (() => {
  const dir = path.resolve(__dirname, '../../libs/infra/nest-common/src/auth');
  const sources = fs.readdirSync(dir).filter((file) => file.endsWith('.ts') && !/\.(spec|it)\.ts$/.test(file)).map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
  return new Set(sources.flatMap((source) => [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]).filter(isSignInVariable)));
})();
