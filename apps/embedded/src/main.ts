import 'reflect-metadata';
import { readEmbeddedSettings } from './embedded-settings';
import { startEmbedded } from './start-embedded';
import { dataLines, signInLine } from './startup-lines';

const say = (line: string) => process.stdout.write(`[start] ${line}\n`);

async function main() {
  const started = Date.now();
  const settings = readEmbeddedSettings();
  const stack = await startEmbedded(settings);
  for (const [name, url] of Object.entries(stack.urls)) say(`${name.padEnd(24)} ${url}   OpenAPI: ${url}/openapi.json`);
  for (const line of dataLines(stack)) say(line);
  say(`bus: ${stack.bus === 'in-process' ? 'in this process' : `Kafka at ${stack.bus}`}`);
  say(signInLine());
  say(`ready in ${Date.now() - started} ms — Ctrl-C stops it`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    stack.stop().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: Error) => {
        process.stderr.write(`[start] failed to stop cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`[start] failed to start: ${error.message}\n`);
  process.exit(1);
});
