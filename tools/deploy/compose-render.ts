import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '../..');
export const composeFile = path.join(repoRoot, 'docker/compose.yaml');

/** Variables the compose file reads; cleared so a render sees only what a test passes in. */
const COMPOSE_VARIABLES = [
  'POSTGRES_PASSWORD', 'OWNER_REF_SECRET', 'EVENT_STORE', 'PUBLIC_BASE_URL', 'TAG', 'COMPOSE_PROJECT_NAME', 'COMPOSE_FILE',
  'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLES_CLAIM', 'AUTH_NATIONAL_ID_CLAIM',
];

/** A volume as docker-compose v1 (`source:target:mode`) or v2 (long form) renders it. */
export type ComposeVolume = string | { readonly type?: string; readonly source?: string; readonly target: string };

export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile?: string; readonly args?: Record<string, string> };
  readonly environment?: Record<string, string | null>;
  readonly healthcheck?: { readonly test?: string[] | string; readonly disable?: boolean };
  readonly depends_on?: Record<string, { readonly condition: string }> | string[];
  readonly restart?: string;
  readonly ports?: ReadonlyArray<string | { readonly target: number }>;
  readonly volumes?: readonly ComposeVolume[];
}

export interface ComposeModel {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

const installHint =
  'docker-compose is not installed, so docker/compose.yaml cannot be checked. ' +
  'Install it with tools/deploy/ensure-docker-compose.sh (as root; it runs apt-get install -y docker-compose).';

/** The model `docker-compose config` renders (no Docker engine needed), with the given variables set. */
export const renderCompose = (variables: Record<string, string> = {}): ComposeModel => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variables };
  for (const name of COMPOSE_VARIABLES) if (!(name in variables)) delete env[name];
  const result = spawnSync('docker-compose', ['-f', composeFile, 'config'], { cwd: repoRoot, env, encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(installHint);
  if (result.status !== 0) throw new Error(`docker-compose config refused docker/compose.yaml:\n${result.stderr}`);
  return parse(result.stdout) as ComposeModel;
};
