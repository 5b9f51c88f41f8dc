import { deadLetterTopic, type IntegrationEvent, type ServiceName } from '@cctv/contracts';
import type { EventStore } from '@cctv/event-store';
import { parseEnvelope } from '../envelope/parse-envelope';
import { errorText, silentLogger, type MessagingLogger } from '../logger';
import type { MessageBus, ReceivedMessage, Subscription } from '../message-bus.port';
import { deadLetterOf } from './dead-letter';
import { inboxStreamId, toInboxEvent } from './inbox-event';
import { isPermanent } from './permanent-message.error';

/** A consumer's own acceptance rule (e.g. the schema versions it reads); throw PermanentMessageError to refuse. */
export type InboxCheck = (event: IntegrationEvent) => void | Promise<void>;

export interface InboxConsumerOptions {
  /** The consuming service: its consumer group and its dead-letter topic. */
  readonly service: ServiceName;
  readonly topics: readonly string[];
  readonly bus: MessageBus;
  /** The consuming service's own event store. */
  readonly store: EventStore;
  readonly check?: InboxCheck;
  /** Defaults to the service name. */
  readonly groupId?: string;
  /** Defaults to `deadLetterTopic(service)`. */
  readonly deadLetterTopic?: string;
  readonly logger?: MessagingLogger;
}

export type InboxOutcome =
  | { readonly kind: 'stored'; readonly eventId: string; readonly streamId: string }
  | { readonly kind: 'duplicate'; readonly eventId: string; readonly streamId: string }
  | { readonly kind: 'dead-lettered'; readonly reason: string };

/**
 * Takes other services' integration events into this service's own event
 * store, where its projections and reactions follow them like any other
 * event — so everything the service knows can be rebuilt from its store.
 * The store recognises a redelivered event id as a retry: one effect per event.
 * A message that can never be stored goes to the dead-letter topic and its
 * partition moves on; anything else that fails is retried by the bus.
 */
export class InboxConsumer {
  private readonly groupId: string;
  private readonly deadLetters: string;
  private readonly logger: MessagingLogger;
  private subscription: Subscription | null = null;

  constructor(private readonly options: InboxConsumerOptions) {
    this.groupId = options.groupId ?? options.service;
    this.deadLetters = options.deadLetterTopic ?? deadLetterTopic(options.service);
    this.logger = options.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    this.subscription = await this.options.bus.subscribe({
      groupId: this.groupId,
      topics: this.options.topics,
      handle: async (message) => {
        await this.handle(message);
      },
    });
    this.logger.log(`inbox ${this.groupId}: consuming ${this.options.topics.join(', ')}`);
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /** Rejects only when the message should be tried again later. */
  async handle(message: ReceivedMessage): Promise<InboxOutcome> {
    const where = `topic=${message.topic} partition=${message.partition} offset=${message.offset}`;
    const parsed = parseEnvelope(message.value);
    if (!parsed.ok) return this.deadLetter(message, parsed.reason, where);
    const { event } = parsed;
    const streamId = inboxStreamId(event);
    try {
      await this.options.check?.(event);
      const { duplicate } = await this.options.store.appendToStream(streamId, [toInboxEvent(event)], 'any');
      this.logger.log(`inbox ${this.groupId}: ${duplicate ? 'already had' : 'stored'} ${event.type} ${event.eventId} ${where}`);
      return { kind: duplicate ? 'duplicate' : 'stored', eventId: event.eventId, streamId };
    } catch (error) {
      if (!isPermanent(error)) throw error;
      return this.deadLetter(message, errorText(error), `${where} event=${event.eventId} type=${event.type}`);
    }
  }

  private async deadLetter(message: ReceivedMessage, reason: string, where: string): Promise<InboxOutcome> {
    // Publishing can fail too (broker away); then the bus retries the whole message.
    await this.options.bus.publishRaw(this.deadLetters, [deadLetterOf(message, this.groupId, reason)]);
    this.logger.warn(`inbox ${this.groupId}: dead-lettered to ${this.deadLetters} ${where}: ${reason}`);
    return { kind: 'dead-lettered', reason };
  }
}
