import { logLevel, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger';

// Only these fields of kafkajs' own log entries are passed on: they describe
// brokers, groups and partitions, never the content of a message.
const SAFE_FIELDS = ['broker', 'clientId', 'groupId', 'memberId', 'topic', 'partition', 'retryCount', 'retryTime', 'error'];

/** Routes kafkajs' warnings and errors to our logger, one line each. */
export const kafkaLogCreator =
  (logger: MessagingLogger): logCreator =>
  () =>
  ({ namespace, level, log }) => {
    const fields = SAFE_FIELDS.filter((f) => (log as Record<string, unknown>)[f] !== undefined)
      .map((f) => `${f}=${String((log as Record<string, unknown>)[f])}`)
      .join(' ');
    const line = `kafkajs ${namespace}: ${log.message}${fields ? ` (${fields})` : ''}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.log(line);
  };

/** `KAFKA_BROKERS=host:port,host:port`, or the local broker of `tools/kafka/kafka.sh`. */
export const brokersFromEnv = (env: NodeJS.ProcessEnv = process.env): string[] =>
  (env.KAFKA_BROKERS ?? `127.0.0.1:${env.KAFKA_PORT ?? '9092'}`)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
