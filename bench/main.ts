import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readConfig, type BenchConfig } from './support/config';
import { freshDatabase, type FreshDatabase } from './support/database';
import { table, type Figure } from './support/figures';
import { appendsStage } from './stages/appends';
import { followerStage } from './stages/follower';
import { relayStage } from './stages/relay';
import { projectionsStage } from './stages/projections';
import { endToEndStage } from './stages/end-to-end';
import { signInActors } from './support/applications';

type Stage = (config: BenchConfig, db: FreshDatabase) => Promise<Figure[]>;

const STAGES: ReadonlyArray<readonly [string, Stage]> = [
  ['appends', appendsStage],
  ['follower', followerStage],
  ['relay', relayStage],
  ['projections', projectionsStage],
  ['end-to-end', endToEndStage],
];

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  const started = Date.now();
  const figures: Figure[] = [];
  const failures: Record<string, string> = {};
  await signInActors();
  const loadBefore = loadavg();
  log(`bench ${config.short ? 'short' : 'full'} mode, ${config.runs} runs per figure; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  for (const [name, stage] of STAGES) {
    if (config.only && !config.only.includes(name)) continue;
    const db = await freshDatabase(config.adminUrl, name.replace(/-/g, '_'));
    const t0 = Date.now();
    try {
      const produced = await stage(config, db);
      figures.push(...produced);
      log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      console.log(table(produced));
    } catch (error) {
      failures[name] = (error as Error).stack ?? String(error);
      log(`${name}: FAILED: ${(error as Error).message}`);
    } finally {
      await db.drop().catch((error) => log(`could not drop ${db.name}: ${(error as Error).message}`));
    }
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${table(figures)}\n`);
  log(`whole bench ${seconds.toFixed(1)} s; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const out = {
    when: new Date().toISOString(),
    mode: config.short ? 'short' : 'full',
    runsPerFigure: config.runs,
    seconds,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, loadAverageBefore: loadBefore, loadAverageAfter: loadavg(), node: process.version },
    sizes: config.sizes,
    figures: Object.fromEntries(figures.map((f) => [f.name, { unit: f.unit, median: f.value.median, min: f.value.min, max: f.value.max, runs: f.value.runs, target: f.target, raw: f.raw }])),
    failures,
  };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${join(dir, 'latest.json')}`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

const log = (line: string) => console.log(`[bench] ${line}`);

main().then(
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
