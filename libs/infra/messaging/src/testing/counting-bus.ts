import type { MessageBus, OutgoingMessage, RawMessage, Subscription, SubscriptionSpec, TopicSpec } from '../message-bus.port';

/** Passes everything to a real bus, remembering what was published through it. */
export class CountingBus implements MessageBus {
  readonly published: OutgoingMessage[] = [];

  constructor(private readonly inner: MessageBus) {}

  ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.inner.publish(topic, messages);
    this.published.push(...messages);
  }

  publishRaw(topic: string, messages: readonly RawMessage[]): Promise<void> {
    return this.inner.publishRaw(topic, messages);
  }

  subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    return this.inner.subscribe(spec);
  }

  /** The shared bus is closed by its owner. */
  async close(): Promise<void> {}
}
