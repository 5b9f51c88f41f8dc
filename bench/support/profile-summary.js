// node bench/support/profile-summary.js <file.cpuprofile> [top]: self time by function and by package.
const fs = require('node:fs');
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const pkg = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anon)'} ${url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/work\/main\//, '')}:${lineNumber}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const p = url.includes('node_modules/') ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : url.includes('/work/main/') ? url.replace(/^.*\/work\/main\/([^/]+\/[^/]+).*$/, '$1') : url ? 'node:internal' : functionName;
  pkg.set(p, (pkg.get(p) ?? 0) + us);
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n-- by package\n${show(pkg, 12)}\n-- by function\n${show(fn, Number(topArg ?? 20))}`);
