#!/usr/bin/env node
// The local stack in one command (`npm run stack`): PostgreSQL (must be running),
// the Kafka broker (started from the project's jars), the database, and the three
// services as separate processes. Ctrl-C stops what it started.
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');

const SERVICES = [
  { name: 'union-intake', port: 3001 },
  { name: 'secretariat-inspection', port: 3002 },
  { name: 'permit-issuance', port: 3003 },
];

const reachable = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });

const ensureDatabase = async (databaseUrl) => {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
};

const waitForHealth = async (port, child, deadline, tail) => {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`service on port ${port} exited with ${child.exitCode}; its last lines:\n${tail().join('\n')}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`service on port ${port} not ready in time; its last lines:\n${tail().join('\n')}`);
};

/**
 * Starts the three services against a database and a broker; resolves once every
 * /health says ready. Used by `npm run stack` and by the end-to-end tests.
 */
const startServices = async ({
  databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cctv',
  kafkaBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  topicPrefix = process.env.TOPIC_PREFIX ?? '',
  ports = {},
  env = {},
  output = 'inherit',
  timeoutMs = 90_000,
  onLine = undefined,
} = {}) => {
  await ensureDatabase(databaseUrl);
  const children = [];
  const stop = async () => {
    await Promise.all(children.map(({ child }) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    })));
  };
  try {
    for (const service of SERVICES) {
      const port = ports[service.name] ?? service.port;
      const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service.name}/src/main.ts`], {
        cwd: root,
        env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers, TOPIC_PREFIX: topicPrefix },
        stdio: ['ignore', output === 'inherit' ? 'inherit' : 'pipe', output === 'inherit' ? 'inherit' : 'pipe'],
      });
      // Without a terminal to print to, keep the last lines so that a failed start can say why.
      const lines = [];
      const keep = (chunk) => {
        const fresh = chunk.toString('utf8').split('\n').filter(Boolean);
        if (onLine) for (const line of fresh) onLine(service.name, line);
        lines.push(...fresh);
        lines.splice(0, Math.max(0, lines.length - 30));
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      children.push({ service, port, child, tail: () => lines });
    }
    const deadline = Date.now() + timeoutMs;
    await Promise.all(children.map(({ port, child, tail }) => waitForHealth(port, child, deadline, tail)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls: Object.fromEntries(children.map(({ service, port }) => [service.name, `http://127.0.0.1:${port}`])),
    children,
    stop,
  };
};

module.exports = { startServices, reachable, SERVICES };

if (require.main === module) {
  (async () => {
    const kafkaPort = Number(process.env.KAFKA_PORT ?? 9092);
    if (!(await reachable(5432))) throw new Error('PostgreSQL is not reachable at 127.0.0.1:5432; start it first');
    if (!(await reachable(kafkaPort))) execFileSync('bash', [path.join(root, 'tools/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
    const stack = await startServices();
    for (const [name, url] of Object.entries(stack.urls)) {
      console.log(`[stack] ${name.padEnd(24)} ${url}   (OpenAPI: ${url}/openapi.json)`);
    }
    console.log('[stack] sign in: TOKEN=$(npm run -s token -- --role union-clerk --person clerk-1), then send "Authorization: Bearer $TOKEN"');
    console.log('[stack] ready — Ctrl-C stops the services (the broker keeps running: npm run kafka:stop)');
    const shutdown = async () => { await stack.stop(); process.exit(0); };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })().catch((error) => {
    console.error(`[stack] ${error.message}`);
    process.exit(1);
  });
}
