import * as fs from 'node:fs';
import * as path from 'node:path';

// The dependency rules, read from each project's Nx tags:
//  - a domain library imports no framework, no driver and no node: module, only other domain libraries;
//  - an app never imports another app, nor another scope's domain library (offices meet through contracts only);
//  - contracts import only the kernel.
const root = path.resolve(__dirname, '..');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const aliases: Record<string, string> = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([alias, [target]]) => [alias, target]),
);

interface Project { name: string; root: string; tags: string[] }

const projects: Project[] = ['apps', 'libs']
  .flatMap((top) => findProjectFiles(path.join(root, top)))
  .map((file) => {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { name: json.name, root: path.relative(root, path.dirname(file)), tags: json.tags ?? [] };
  });

function findProjectFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findProjectFiles(full);
    return entry.name === 'project.json' ? [full] : [];
  });
}

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.(spec|it|e2e)\.ts$/.test(entry.name) ? [full] : [];
  });

const importsOf = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

const projectOf = (specifier: string): Project | undefined => {
  const target = aliases[specifier];
  return target ? projects.find((p) => target.startsWith(p.root + '/')) : undefined;
};

const tag = (p: Project, prefix: string) => p.tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);

describe('architecture', () => {
  it('every project declares a scope and a type', () => {
    expect(projects.filter((p) => !tag(p, 'scope:') || !tag(p, 'type:')).map((p) => p.name)).toEqual([]);
  });

  const violations = (rule: (from: Project, specifier: string, to: Project | undefined) => string | null) =>
    projects.flatMap((from) =>
      sourceFiles(path.join(root, from.root)).flatMap((file) =>
        importsOf(file)
          .map((specifier) => rule(from, specifier, projectOf(specifier)))
          .filter((v): v is string => v !== null)
          .map((v) => `${path.relative(root, file)}: ${v}`),
      ),
    );

  it('domain libraries import no framework, driver or node module, only other domain libraries', () => {
    expect(
      violations((from, specifier, to) => {
        if (tag(from, 'type:') !== 'domain' || specifier.startsWith('.')) return null;
        if (specifier === 'jalaali-js') return null;
        if (to && tag(to, 'type:') === 'domain') return null;
        return `imports ${specifier}`;
      }),
    ).toEqual([]);
  });

  it('apps import no other app and no other office’s domain', () => {
    expect(
      violations((from, specifier, to) => {
        if (tag(from, 'type:') !== 'app' || !to) return null;
        if (tag(to, 'type:') === 'app') return `imports the app ${to.name}`;
        const scope = tag(to, 'scope:');
        if (scope !== 'shared' && scope !== tag(from, 'scope:')) return `imports ${to.name} of another office`;
        return null;
      }),
    ).toEqual([]);
  });

  it('contracts depend on nothing but the kernel', () => {
    expect(
      violations((from, specifier, to) => {
        if (tag(from, 'type:') !== 'contracts' || specifier.startsWith('.')) return null;
        return to?.name === 'kernel' ? null : `imports ${specifier}`;
      }),
    ).toEqual([]);
  });
});
