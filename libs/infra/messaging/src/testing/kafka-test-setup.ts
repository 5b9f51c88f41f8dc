import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { brokersFromEnv } from '../kafka/kafka-log';

export const testBrokers = brokersFromEnv();

/** Null when a broker answers; otherwise why the Kafka tests are skipped (printed, never silent). */
export function kafkaUnavailable(): string | null {
  const [host, port] = testBrokers[0].split(':');
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('net').connect(${Number(port)}, ${JSON.stringify(host)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`],
    { timeout: 5_000 },
  );
  return probe.status === 0 ? null : `no Kafka broker answers at ${testBrokers[0]} (start it with tools/kafka/kafka.sh start)`;
}

/** Names unique to this test run, remembered so the run can delete its topics afterwards. */
export function runNames() {
  const run = randomUUID().slice(0, 8);
  const topics = new Set<string>();
  return {
    run,
    topic(base: string): string {
      const name = `it-${base}-${run}`;
      topics.add(name);
      return name;
    },
    group: (base: string): string => `it-${base}-${run}`,
    async deleteTopics(): Promise<void> {
      if (topics.size === 0) return;
      const admin = new Kafka({ clientId: 'it-cleanup', brokers: testBrokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        const ours = [...topics].filter((t) => existing.has(t));
        if (ours.length > 0) await admin.deleteTopics({ topics: ours });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
