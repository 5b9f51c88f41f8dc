#!/usr/bin/env node
// The one test command (`npm test`): makes sure PostgreSQL and the Kafka broker
// are up (and docker-compose, to validate the compose file offline), type-checks the workspace, runs every jest project (unit, integration,
// end-to-end) and prints one closing line with the counts.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const say = (line) => console.log(`[test] ${line}`);

const reachable = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });

const ensurePostgres = async () => {
  const port = Number(process.env.PGPORT ?? 5432);
  if (await reachable(port)) return;
  const clusters = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  if (clusters.length && process.getuid?.() === 0) {
    say(`PostgreSQL not answering on ${port}; starting cluster ${clusters[0]}/main`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', clusters[0], 'main', 'start'], { stdio: 'inherit' });
    for (let i = 0; i < 30 && !(await reachable(port)); i++) await new Promise((r) => setTimeout(r, 500));
  }
  if (!(await reachable(port))) {
    throw new Error(`PostgreSQL is not reachable at 127.0.0.1:${port}; start it (trust auth, database "test") and run again`);
  }
};

const main = async () => {
  await ensurePostgres();
  // The compose file is validated offline by `docker-compose config` (no engine needed).
  const compose = spawnSync('bash', [path.join(root, 'tools/deploy/ensure-docker-compose.sh')], { stdio: 'inherit' });
  if (compose.status !== 0) throw new Error('docker-compose is needed to validate docker/compose.yaml (see above)');
  const kafkaPort = Number(process.env.KAFKA_PORT ?? 9092);
  const kafkaWasUp = await reachable(kafkaPort);
  if (!kafkaWasUp) execFileSync('bash', [path.join(root, 'tools/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
  let status = 1;
  try {
    say('type-checking the workspace');
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) throw new Error('type errors');
    const report = path.join(os.tmpdir(), `jest-report-${process.pid}.json`);
    const jest = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
      { cwd: root, stdio: 'inherit', env: { ...process.env, KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? `127.0.0.1:${kafkaPort}` } },
    );
    status = jest.status ?? 1;
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      const skipped = r.numPendingTests + r.numTodoTests;
      console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
      if (r.numTotalTests === 0) status = 1;
      fs.rmSync(report, { force: true });
    }
  } finally {
    if (!kafkaWasUp && !process.env.KEEP_KAFKA) execFileSync('bash', [path.join(root, 'tools/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
  }
  process.exit(status);
};

main().catch((error) => {
  console.error(`[test] ${error.message}`);
  process.exit(1);
});
