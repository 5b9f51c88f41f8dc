// Preloaded into the services with NODE_OPTIONS=--require when BENCH_PROFILE_DIR is set
// (--cpu-prof itself is refused in NODE_OPTIONS): profiles the whole process, written at exit.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 1000 });
session.post('Profiler.start');
let written = false;
const write = () => {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const name = (process.argv[process.argv.length - 1] || 'node').replace(/[^a-z0-9]+/gi, '_').slice(-40);
    fs.writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
};
process.on('exit', write);
// The services re-raise SIGTERM after a graceful close; the first one writes, the second ends.
process.on('SIGTERM', () => {
  if (written) process.exit(0);
  write();
});
