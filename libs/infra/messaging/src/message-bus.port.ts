import type { IntegrationEvent } from '@cctv/contracts';

/** An integration event to publish, keyed by its aggregate id so one file's events keep their order. */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: IntegrationEvent;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Bytes passed on as they are: a dead letter keeps the exact value that could not be handled. */
export interface RawMessage {
  readonly key: string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A delivered message, undecoded: parsing it is the consumer's job, and may fail. */
export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Resolving marks the message done (its offset may be committed). Rejecting
 * means "try again later": the same message is delivered again after a
 * backoff and the partition waits, so a handler must turn messages it can never
 * handle into a resolution of its own (the inbox dead-letters them).
 */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface SubscriptionSpec {
  /** Members of one group share the partitions; every group sees every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handle: MessageHandler;
}

export interface Subscription {
  /** Waits for the message in hand, then leaves the group. */
  stop(): Promise<void>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

/**
 * Delivery is at least once, in order per key within a partition. A new group
 * starts at the beginning of its topics: an inbox must see the whole history.
 */
export interface MessageBus {
  /** Creates missing topics; existing ones are left as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves only once the broker has acknowledged every message (all in-sync replicas). */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  publishRaw(topic: string, messages: readonly RawMessage[]): Promise<void>;
  /** Resolves once the subscription has joined its group. */
  subscribe(spec: SubscriptionSpec): Promise<Subscription>;
  /** Stops every subscription and the producer. */
  close(): Promise<void>;
}
