import { Kafka, logLevel } from 'kafkajs';

/** Every message on the given topics, read from the beginning by a throw-away consumer group. */
export const readAllMessages = async (brokers: string[], topics: string[], settleMs = 3000): Promise<string[]> => {
  const kafka = new Kafka({ clientId: 'e2e-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random().toString(16).slice(2)}` });
  const values: string[] = [];
  let last = Date.now();
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value?.toString('utf8') ?? '');
      last = Date.now();
    },
  });
  const started = Date.now();
  while (Date.now() - last < settleMs || (values.length === 0 && Date.now() - started < 20_000)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await consumer.disconnect();
  return values;
};
