import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS } from '@cctv/contracts';

/** The README's role table is what operators read: it must say exactly what the code enforces. */
describe('the README’s table of who may call what', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| ([a-z-]+) \| `([A-Z]+ [^`]+)` \| (.+) \|$/gm)].map(([, service, route, who]) => ({
    service,
    route,
    access: who === 'anyone, no token' ? 'public' : [...who.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).join(','),
  }));

  it('lists every route of the access table with the same roles, and nothing else', () => {
    const fromCode = Object.entries(ACCESS).flatMap(([service, table]) =>
      Object.entries(table).map(([route, access]) => ({ service, route, access: access === 'public' ? 'public' : (access as readonly string[]).join(',') })));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(fromCode);
  });
});
