import { Kafka, Partitioners, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../backoff';
import { encodeEnvelope } from '../envelope/parse-envelope';
import { errorText, silentLogger, type MessagingLogger } from '../logger';
import type {
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  RawMessage,
  Subscription,
  SubscriptionSpec,
  TopicSpec,
} from '../message-bus.port';
import { kafkaLogCreator } from './kafka-log';
import { toReceivedMessage } from './received-message';

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: MessagingLogger;
  /** Backoff between deliveries of a message whose handler failed. */
  readonly retry?: BackoffOptions;
  /** Partitions handled at once by one subscription (default 1); order within a partition always holds. */
  readonly partitionsConsumedConcurrently?: number;
  /** How long a subscription waits to join its group before it resolves anyway (default 30 s). */
  readonly joinTimeoutMs?: number;
}

// Keys of one partition whose messages are handled at the same time, at most.
const KEYS_AT_ONCE = 4;

// A retry sleeps in slices so that the group keeps hearing from us.
const HEARTBEAT_SLICE_MS = 1_000;

/**
 * The message bus on Kafka. Make one per process: it holds the process's one
 * producer (connected on first publish) and one consumer per subscription.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly retry: BackoffOptions;
  private producer: Promise<Producer> | null = null;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.logger = options.logger ?? silentLogger;
    this.retry = options.retry ?? DEFAULT_BACKOFF;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      // Connection and request retries: a broker restarting is a pause, not a failure.
      retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 },
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.topic));
      if (missing.length > 0) {
        // Another service may create the same topics at the same moment: then this resolves false, and that is fine.
        const created = await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
        });
        if (created) this.logger.log(`created topics ${missing.map((t) => `${t.topic}(${t.partitions})`).join(', ')}`);
      }
      // A topic someone else has just created may not have its partition leaders yet; subscribing then fails.
      await this.waitForLeaders(admin, topics.map((t) => t.topic));
    } finally {
      await admin.disconnect();
    }
  }

  private async waitForLeaders(admin: ReturnType<Kafka['admin']>, topics: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const { topics: described } = await admin.fetchTopicMetadata({ topics });
        if (described.length === topics.length && described.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics without partition leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
      await sleep(Math.min(100 * attempt, 1_000));
    }
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.publishRaw(
      topic,
      messages.map((m) => ({ key: m.key, value: encodeEnvelope(m.value), headers: m.headers })),
    );
  }

  async publishRaw(topic: string, messages: readonly RawMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers ? { ...m.headers } : undefined })),
    });
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: spec.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      // A fetch waits this long for data at most; stop() waits for the fetch in flight.
      maxWaitTimeInMs: 1_000,
    });
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      setTimeout(resolve, this.options.joinTimeoutMs ?? 30_000).unref();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.logger.error(`consumer ${spec.groupId} crashed (restart: ${payload.restart}): ${errorText(payload.error)}`),
    );
    await consumer.connect();
    this.consumers.add(consumer);
    try {
      await consumer.subscribe({ topics: [...spec.topics], fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 1_000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.consumeBatch(spec, payload),
      });
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    await joined;
    return {
      stop: async () => {
        if (!this.consumers.delete(consumer)) return;
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    const producer = this.producer;
    this.producer = null;
    if (producer) await (await producer.catch(() => null))?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        // The Java client's murmur2, so the same key lands where a Java producer would put it.
        createPartitioner: Partitioners.DefaultPartitioner,
        // One request in flight per connection: a retried send can never overtake the next one.
        maxInFlightRequests: 1,
        allowAutoTopicCreation: true,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = null;
      throw error;
    });
    return this.producer;
  }

  /**
   * A partition's messages in order per key: one key's messages one at a
   * time, in partition order, those of different keys at the same time (at
   * most KEYS_AT_ONCE); an offset is resolved only after its handler, and the
   * handlers of every message before it on the partition, succeeded. A failing
   * handler is retried here, with heartbeats between attempts, until it
   * succeeds or the partition is taken away (rebalance, stop): then the
   * message, and any after it not yet resolved, is redelivered to its new owner.
   */
  private async consumeBatch(spec: SubscriptionSpec, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const messages = batch.messages;
    const chains = new Map<string | null, number[]>();
    messages.forEach((message, i) => {
      const key = message.key === null ? null : message.key.toString('latin1');
      const chain = chains.get(key);
      if (chain) chain.push(i);
      else chains.set(key, [i]);
    });
    const handled: boolean[] = new Array(messages.length).fill(false);
    let resolved = 0;
    const queue = [...chains.values()];
    const worker = async (): Promise<void> => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) {
        for (const i of chain) {
          if (!isRunning() || isStale()) return;
          const received = toReceivedMessage(batch.topic, batch.partition, messages[i]);
          if (!(await this.deliver(spec.handle, received, payload))) return;
          handled[i] = true;
          // Offsets move on only over an unbroken run of handled messages.
          let moved = false;
          while (resolved < messages.length && handled[resolved]) {
            resolved++;
            moved = true;
          }
          if (moved && !isStale()) resolveOffset(messages[resolved - 1].offset);
          await heartbeat();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(KEYS_AT_ONCE, queue.length) }, worker));
    if (resolved > 0 && isRunning() && !isStale()) await commitOffsetsIfNecessary();
  }

  private async deliver(
    handle: MessageHandler,
    message: ReturnType<typeof toReceivedMessage>,
    { heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<boolean> {
    for (let failures = 1; ; failures++) {
      try {
        await handle(message);
        return true;
      } catch (error) {
        this.logger.warn(
          `handler failed (attempt ${failures}) topic=${message.topic} partition=${message.partition} offset=${message.offset}: ${errorText(error)}`,
        );
      }
      for (let waited = 0, delay = backoffDelay(failures, this.retry); waited < delay; waited += HEARTBEAT_SLICE_MS) {
        if (!isRunning() || isStale()) return false;
        await sleep(Math.min(HEARTBEAT_SLICE_MS, delay - waited));
        await heartbeat();
      }
      if (!isRunning() || isStale()) return false;
    }
  }
}
