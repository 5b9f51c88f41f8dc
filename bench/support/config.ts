/** What one bench run is asked to do; short mode keeps CI under two minutes. */
export interface BenchConfig {
  readonly short: boolean;
  readonly runs: number;
  readonly only: readonly string[] | null;
  readonly adminUrl: string;
  readonly kafkaBrokers: string[];
  readonly sizes: {
    readonly singleAppends: number;
    readonly batchAppendEvents: number;
    readonly followerEvents: number;
    readonly lagSeconds: number;
    readonly relayEvents: number;
    readonly projectionEvents: number;
    readonly rebuildEvents: number;
    readonly crossOfficeSeconds: number;
    readonly lifecycleSeconds: number;
    readonly loadSeconds: number;
  };
}

export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const short = argv.includes('--short') || env.BENCH_SHORT === '1';
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  return {
    short,
    runs: Number(env.BENCH_RUNS ?? 3),
    only: onlyArg ? onlyArg.slice('--only='.length).split(',') : null,
    adminUrl: env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    sizes: short
      ? {
          singleAppends: 600,
          batchAppendEvents: 3_000,
          followerEvents: 20_000,
          lagSeconds: 2,
          relayEvents: 2_000,
          projectionEvents: 600,
          rebuildEvents: 2_000,
          crossOfficeSeconds: 1,
          lifecycleSeconds: 4,
          loadSeconds: 2,
        }
      : {
          singleAppends: 6_000,
          batchAppendEvents: 40_000,
          followerEvents: 1_000_000,
          lagSeconds: 8,
          relayEvents: 40_000,
          projectionEvents: 20_000,
          rebuildEvents: 1_000_000,
          crossOfficeSeconds: 2,
          lifecycleSeconds: 10,
          loadSeconds: 5,
        },
  };
}
