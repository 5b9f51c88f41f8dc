import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../backoff';
import { encodeEnvelope } from '../envelope/parse-envelope';
import { errorText, silentLogger, type MessagingLogger } from '../logger';
import type {
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  RawMessage,
  ReceivedMessage,
  Subscription,
  SubscriptionSpec,
  TopicSpec,
} from '../message-bus.port';
import { partitionFor } from './partition-for';

export interface InProcessBusOptions {
  /** Partitions of a topic created on first use (default 3). */
  readonly defaultPartitions?: number;
  readonly retry?: BackoffOptions;
  readonly logger?: MessagingLogger;
}

interface Member {
  readonly topics: ReadonlySet<string>;
  readonly handle: MessageHandler;
  inFlight: Promise<unknown> | null;
}

/** One group's progress on one partition. */
interface Cursor {
  offset: number;
  pumping: boolean;
}

interface Group {
  readonly members: Member[];
  readonly cursors: Map<string, Cursor>;
}

/**
 * The message bus inside one process, with Kafka's contract: keyed
 * partitions, consumer groups sharing partitions, a group's progress kept
 * per partition, redelivery of a message whose handler failed. Values travel
 * as bytes, so consumers decode exactly as they would from Kafka.
 */
export class InProcessBus implements MessageBus {
  private readonly topics = new Map<string, ReceivedMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly closing = new AbortController();
  private readonly defaultPartitions: number;
  private readonly retry: BackoffOptions;
  private readonly logger: MessagingLogger;

  constructor(options: InProcessBusOptions = {}) {
    this.defaultPartitions = options.defaultPartitions ?? 3;
    this.retry = options.retry ?? DEFAULT_BACKOFF;
    this.logger = options.logger ?? silentLogger;
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    for (const { topic, partitions } of topics) this.partitionsOf(topic, partitions);
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.publishRaw(
      topic,
      messages.map((m) => ({ key: m.key, value: encodeEnvelope(m.value), headers: m.headers })),
    );
  }

  async publishRaw(topic: string, messages: readonly RawMessage[]): Promise<void> {
    if (this.closing.signal.aborted) throw new Error('The in-process bus is closed');
    const partitions = this.partitionsOf(topic);
    for (const m of messages) {
      const partition = partitionFor(m.key, partitions.length);
      const log = partitions[partition];
      log.push({
        topic,
        partition,
        offset: String(log.length),
        key: m.key,
        value: m.value === null ? null : Buffer.from(m.value),
        headers: { ...m.headers },
      });
    }
    this.kickAll();
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    for (const topic of spec.topics) this.partitionsOf(topic);
    const group = this.groupOf(spec.groupId);
    const member: Member = { topics: new Set(spec.topics), handle: spec.handle, inFlight: null };
    group.members.push(member);
    this.kickAll();
    return {
      stop: async () => {
        const index = group.members.indexOf(member);
        if (index >= 0) group.members.splice(index, 1);
        await member.inFlight;
        // Its partitions go to the members that remain.
        this.kickAll();
      },
    };
  }

  async close(): Promise<void> {
    this.closing.abort();
    const inFlight = [...this.groups.values()].flatMap((g) => g.members.map((m) => m.inFlight));
    for (const group of this.groups.values()) group.members.length = 0;
    await Promise.all(inFlight);
  }

  private partitionsOf(topic: string, partitions = this.defaultPartitions): ReceivedMessage[][] {
    let logs = this.topics.get(topic);
    if (!logs) {
      logs = Array.from({ length: Math.max(1, partitions) }, () => []);
      this.topics.set(topic, logs);
    }
    return logs;
  }

  private groupOf(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group) {
      group = { members: [], cursors: new Map() };
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** The member that owns a partition right now: partitions are dealt round-robin. */
  private assignee(group: Group, topic: string, partition: number): Member | undefined {
    const eligible = group.members.filter((m) => m.topics.has(topic));
    return eligible.length === 0 ? undefined : eligible[partition % eligible.length];
  }

  private kickAll(): void {
    for (const group of this.groups.values()) {
      for (const [topic, logs] of this.topics) {
        logs.forEach((_, partition) => {
          if (this.assignee(group, topic, partition)) this.kick(group, topic, partition);
        });
      }
    }
  }

  private kick(group: Group, topic: string, partition: number): void {
    const id = `${topic}\u0000${partition}`;
    let cursor = group.cursors.get(id);
    if (!cursor) {
      cursor = { offset: 0, pumping: false };
      group.cursors.set(id, cursor);
    }
    if (cursor.pumping) return;
    cursor.pumping = true;
    const pumped = cursor;
    // Never inside publish(): a handler must not run on the publisher's stack.
    setImmediate(() => void this.pump(group, topic, partition, pumped));
  }

  private async pump(group: Group, topic: string, partition: number, cursor: Cursor): Promise<void> {
    const log = this.partitionsOf(topic)[partition];
    let failures = 0;
    try {
      while (!this.closing.signal.aborted && cursor.offset < log.length) {
        const member = this.assignee(group, topic, partition);
        if (!member) return;
        const message = log[cursor.offset];
        const attempt = member.handle(message);
        member.inFlight = attempt.catch(() => undefined);
        try {
          await attempt;
          cursor.offset += 1;
          failures = 0;
        } catch (error) {
          failures += 1;
          this.logger.warn(
            `handler failed (attempt ${failures}) topic=${topic} partition=${partition} offset=${message.offset}: ${errorText(error)}`,
          );
          await sleep(backoffDelay(failures, this.retry), this.closing.signal);
        } finally {
          member.inFlight = null;
        }
      }
    } finally {
      cursor.pumping = false;
    }
  }
}
