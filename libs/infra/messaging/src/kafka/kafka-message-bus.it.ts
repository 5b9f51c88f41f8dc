import { kafkaUnavailable, runNames, testBrokers } from '../testing/kafka-test-setup';
import { messageBusContract } from '../testing/message-bus.contract';
import { KafkaMessageBus } from './kafka-message-bus';

const unavailable = kafkaUnavailable();
const names = runNames();
let counter = 0;

if (unavailable) {
  console.warn(`Skipping the Kafka MessageBus contract: ${unavailable}`);
  describe.skip('MessageBus contract: kafka', () => it('needs a broker', () => undefined));
} else {
  afterAll(() => names.deleteTopics());
  messageBusContract('kafka', {
    makeBus: () =>
      new KafkaMessageBus({ brokers: testBrokers, clientId: `it-${names.run}`, retry: { initialMs: 50, maxMs: 200 } }),
    // Topic and group names share one counter: every test gets fresh ones.
    unique: (base) => (base.startsWith('g') ? names.group(`${base}-${++counter}`) : names.topic(`${base}-${++counter}`)),
    patienceMs: 30_000,
    quietMs: 1_500,
  });
}
