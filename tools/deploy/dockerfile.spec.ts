import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './compose-render';
import { deployedServices } from './services';

// What can be checked about the image without building it: the recipe's shape, and that
// everything a service loads at run time is copied in and installed by `npm ci --omit=dev`.

interface Instruction { readonly keyword: string; readonly args: string }

const instructions: Instruction[] = fs
  .readFileSync(path.join(repoRoot, 'docker/Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });

const stages = instructions.reduce<Instruction[][]>((all, instruction) => {
  if (instruction.keyword === 'FROM') all.push([]);
  all[all.length - 1]?.push(instruction);
  return all;
}, []);
const runtime = stages[stages.length - 1];
const args = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);

const ignorePatterns = fs
  .readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((pattern) => pattern.replace(/[.+^$()|[\]{}]/g, '\\$&').replace(/\*\*\//g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '(?:.*/)?'))
  .map((pattern) => new RegExp(`^${pattern}(?:/.*)?$`));
const ignored = (file: string) => ignorePatterns.some((pattern) => pattern.test(file));

/** Sources the runtime stage copies from the build context, with SERVICE filled in. */
const copiedFrom = (service: string): string[] =>
  args(runtime, 'COPY')
    .filter((a) => !a.startsWith('--from'))
    .flatMap((a) => a.split(/\s+/).filter((part) => !part.startsWith('--')).slice(0, -1))
    .map((source) => source.replace(/\$\{SERVICE\}/g, service).replace(/\/$/, ''));
const isCopied = (file: string, service: string) => copiedFrom(service).some((source) => file === source || file.startsWith(`${source}/`));

const tsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.base.json'), 'utf8'));
const aliases: Record<string, string> = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([alias, [target]]) => [alias, target]));
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** Specifiers a file loads at run time (type-only imports vanish when compiled). */
const runtimeImports = (source: string): string[] => {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statements = [...code.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/g)].filter((m) => !m[2]).map((m) => m[3]);
  const bare = [...code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const calls = [...code.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...statements, ...bare, ...calls];
};

const resolveLocal = (from: string, specifier: string): string | null => {
  const base = specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : aliases[specifier];
  if (!base) return null;
  const found = [base, `${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(path.join(repoRoot, candidate)) && fs.statSync(path.join(repoRoot, candidate)).isFile());
  if (!found) throw new Error(`${from}: cannot resolve ${specifier}`);
  return path.normalize(found);
};

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every repository file and every package an entry point (by default a service's main.ts) reaches. */
const moduleGraph = (service: string, entry = `apps/${service}/src/main.ts`) => {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(fs.readFileSync(path.join(repoRoot, file), 'utf8'))) {
      const local = specifier.startsWith('.') || specifier in aliases ? resolveLocal(file, specifier) : null;
      if (local) visit(local);
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) packages.add(packageName(specifier));
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
};

describe('docker/Dockerfile', () => {
  it('installs the locked production packages with npm ci in a stage of its own', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.slice(0, -1).flatMap((stage) => args(stage, 'RUN')).join('\n')).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(args(runtime, 'RUN').join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a non-root user, listens on all interfaces and checks /health', () => {
    const user = args(runtime, 'USER').pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(args(runtime, 'ENV').join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(args(runtime, 'HEALTHCHECK').join(' ')).toMatch(/\/health\b/);
  });

  it('accepts exactly the deployed services as SERVICE and starts that service\'s main.ts', () => {
    const accepted = args(runtime, 'RUN').join(' ').match(/case "\$\{SERVICE\}" in\s+([\w|-]+)\)/)?.[1].split('|');
    expect(accepted?.sort()).toEqual([...deployedServices].sort());
    expect(args(runtime, 'CMD').join(' ')).toContain('apps/${SERVICE}/src/main.ts');
  });

  it('copies the tsconfig files the start-up compiler reads for the path aliases', () => {
    for (const file of ['tsconfig.json', 'tsconfig.base.json']) expect(isCopied(file, deployedServices[0])).toBe(true);
  });

  it.each(deployedServices)('copies every file %s loads at run time, and none is left out by .dockerignore', (service) => {
    const { files } = moduleGraph(service);
    expect(files.length).toBeGreaterThan(10);
    const missing = files.filter((file) => !isCopied(file, service) || ignored(file));
    expect(missing).toEqual([]);
  });

  it.each(deployedServices)('finds every package %s loads among the production dependencies', (service) => {
    const { packages } = moduleGraph(service);
    expect(packages.length).toBeGreaterThan(0);
    const notInstalled = packages.filter((name) => !(name in (pkg.dependencies ?? {})));
    expect(notInstalled).toEqual([]);
  });

  // `docker compose exec <service> node -r @swc-node/register tools/token.ts …` (docker/README.md).
  const TOKEN_TOOL = 'tools/token.ts';

  it.each(deployedServices)('copies the development token tool and everything it loads into the %s image, with its packages installed', (service) => {
    const { files, packages } = moduleGraph(service, TOKEN_TOOL);
    expect(files).toContain(TOKEN_TOOL);
    expect(files.filter((file) => !isCopied(file, service) || ignored(file))).toEqual([]);
    expect(packages.filter((name) => !(name in (pkg.dependencies ?? {})))).toEqual([]);
  });

  it('makes the development key folder the service user owns, before switching to that user', () => {
    const env = args(runtime, 'ENV').join(' ');
    const keyDir = /\bAUTH_DEV_KEY_DIR=(\S+)/.exec(env)?.[1];
    expect(keyDir).toMatch(/^\//);
    const user = args(runtime, 'USER').pop()!.split(':')[0];
    const userAt = runtime.findIndex((i) => i.keyword === 'USER');
    const prepared = runtime.findIndex((i) => i.keyword === 'RUN' && i.args.includes(`mkdir -p ${keyDir}`) && new RegExp(`chown ${user}(:\\w+)? ${keyDir}(\\s|$)`).test(i.args));
    expect(prepared).toBeGreaterThanOrEqual(0);
    expect(prepared).toBeLessThan(userAt);
    // The compose file mounts its shared key volume there.
    expect(fs.readFileSync(path.join(repoRoot, 'docker/compose.yaml'), 'utf8')).toContain(`AUTH_DEV_KEY_DIR: ${keyDir}`);
  });

  it('keeps dependencies, version control and test files out of the build context', () => {
    for (const file of ['node_modules/pg/package.json', 'libs/contracts/node_modules/x', '.git/HEAD', 'libs/shared/kernel/src/decider.spec.ts', 'apps/permit-issuance/src/register-routes.it.ts']) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: true });
    }
    expect(ignored('libs/shared/kernel/src/decider.ts')).toBe(false);
  });
});
