import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  EventStoreDbEventStore,
  InMemoryCheckpointStore,
  PostgresCheckpointStore,
  PostgresEventStore,
  type CheckpointStore,
  type EventStore,
} from '@cctv/event-store';
import {
  InboxConsumer,
  InProcessBus,
  KafkaMessageBus,
  OutboundRelay,
  PostgresAdvisoryLock,
  ProcessLocalLock,
  publishedSchemaCheck,
  type MessageBus,
  type RelayLock,
} from '@cctv/messaging';
import { postgresSequences, RedactingLogger, systemClock, type HealthCheck, type SequenceFactory } from '@cctv/nest-common';
import type { ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { startFollowers, type Followers } from './followers';
import type { RuntimeHosting } from './runtime-hosting';

/** The running parts of one service, built from its definition and configuration. */
export class ServiceRuntime {
  private followers: Followers | null = null;
  private relay: OutboundRelay | null = null;
  private inbox: InboxConsumer | null = null;
  private admin: Admin | null = null;

  private constructor(
    readonly definition: ServiceDefinition,
    readonly config: ServiceConfig,
    readonly pool: Pool,
    readonly store: EventStore & { ensureSchema?: () => Promise<void>; close?: () => Promise<void> },
    readonly dataSource: DataSource,
    readonly bus: MessageBus & { close?: () => Promise<void> },
    /** False when the bus was handed in and belongs to the process. */
    private readonly ownsBus: boolean,
    readonly hosting: RuntimeHosting,
    readonly sequences: SequenceFactory,
    readonly logger: RedactingLogger,
  ) {}

  static async create(definition: ServiceDefinition, config: ServiceConfig, hosting: RuntimeHosting = {}): Promise<ServiceRuntime> {
    const logger = new RedactingLogger(config.service);
    const poolSize = hosting.poolSize ?? 10;
    const pool = new Pool({ connectionString: config.databaseUrl, max: poolSize });
    // One PGlite backend serves every connection: prepared-statement names would collide between them, and a
    // NOTIFY reaches the connection that sent it rather than the one listening. Only this process writes there,
    // and every append of this service goes through this store, so the store wakes its own followers.
    const postgresStore = new PostgresEventStore(
      pool,
      config.schema,
      hosting.singleBackendDatabase ? { namedStatements: false, notify: false, wakeUp: 'this-process' } : {},
    );
    // The schema holds the checkpoints (next to the read models) whichever store holds the events.
    await postgresStore.ensureSchema();
    const store =
      config.eventStore.kind === 'eventstoredb'
        ? // One $all for every service: each keeps to its own streams by a name prefix.
          EventStoreDbEventStore.connect(config.eventStore.connectionString, { streamPrefix: `${config.topicPrefix}${config.service}.` })
        : postgresStore;
    const dataSource = new DataSource({
      type: 'postgres',
      url: config.databaseUrl,
      schema: config.schema,
      entities: [...definition.entities],
      // Read models are disposable: they are rebuilt from the event store, so their tables follow the entities.
      synchronize: true,
      logging: false,
      poolSize,
    });
    await dataSource.initialize();
    const bus =
      hosting.bus ??
      (config.kafkaBrokers.length
        ? new KafkaMessageBus({
            brokers: config.kafkaBrokers,
            clientId: config.service,
            logger: messagingLogger(logger),
            // The inbox stores each partition's messages in order; partitions need not wait for one another.
            partitionsConsumedConcurrently: config.topicPartitions,
          })
        : new InProcessBus({ logger: messagingLogger(logger) }));
    return new ServiceRuntime(definition, config, pool, store, dataSource, bus, !hosting.bus, hosting, postgresSequences(pool, config.schema), logger);
  }

  /** True when messages travel inside this process rather than through Kafka. */
  get inProcessBus(): boolean {
    return this.bus instanceof InProcessBus;
  }

  topic(name: string): string {
    return `${this.config.topicPrefix}${name}`;
  }

  get healthChecks(): HealthCheck[] {
    return [
      { name: 'database', check: async () => void (await this.pool.query('SELECT 1')) },
      ...(this.config.eventStore.kind === 'eventstoredb'
        ? [{ name: 'eventstoredb', check: async () => void (await this.store.readStream('health-probe')) }]
        : []),
      // The in-process bus lives and dies with this process: if this answers, it does.
      this.inProcessBus ? { name: 'bus', check: async () => undefined } : {
        name: 'kafka',
        check: async () => {
          if (!this.admin) {
            const kafka = new Kafka({ clientId: `${this.config.service}-health`, brokers: [...this.config.kafkaBrokers], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
            this.admin = kafka.admin();
            await this.admin.connect().catch((error) => {
              this.admin = null;
              throw error;
            });
          }
          await this.admin.describeCluster();
        },
      },
    ];
  }

  async start(): Promise<void> {
    const { definition, config } = this;
    const log = messagingLogger(this.logger);
    const partitions = config.topicPartitions;
    await withRetries('topics', () => this.bus.ensureTopics([
      { topic: this.topic(definition.publicTopic), partitions },
      ...definition.consumes.map((t) => ({ topic: this.topic(t), partitions })),
      { topic: this.topic(`${definition.service}.dlq`), partitions: 1 },
    ]), this.logger);
    this.followers = await startFollowers(this, { clock: systemClock });
    this.relay = new OutboundRelay({
      name: `${definition.service}.outbound`,
      topic: this.topic(definition.publicTopic),
      store: this.store,
      ...this.relayBookkeeping(),
      bus: this.bus,
      toIntegrationEvent: definition.toPublicEvent,
      idleWaitMs: this.hosting.idleWaitMs,
      logger: log,
    });
    this.relay.start();
    if (definition.consumes.length) {
      this.inbox = new InboxConsumer({
        service: definition.service,
        groupId: `${config.topicPrefix}${definition.service}`,
        topics: definition.consumes.map((t) => this.topic(t)),
        deadLetterTopic: this.topic(`${definition.service}.dlq`),
        bus: this.bus,
        store: this.store,
        // What does not fit its published schema goes to the dead-letter topic instead of blocking the partition.
        check: publishedSchemaCheck,
        logger: log,
      });
      await withRetries('inbox subscription', () => this.inbox!.start(), this.logger);
    }
  }

  /**
   * Kafka keeps what it acknowledged, so the relay's checkpoint is kept with
   * the events. An in-process bus starts empty with its process: a checkpoint
   * kept on disk would skip what was published to the previous bus but not yet
   * taken into the other offices' inboxes. So there the checkpoint lives as
   * long as the bus does — every start publishes the whole log again, and the
   * inboxes, which recognise an event id they hold, store nothing twice.
   */
  private relayBookkeeping(): { checkpoints: CheckpointStore; lock: RelayLock } {
    const { config } = this;
    if (this.inProcessBus) {
      return { checkpoints: new InMemoryCheckpointStore(), lock: new ProcessLocalLock(`${config.schema}.outbound`) };
    }
    return {
      checkpoints: new PostgresCheckpointStore(this.pool, config.schema),
      lock: new PostgresAdvisoryLock({ connectionString: config.databaseUrl }, `${config.schema}.outbound`, messagingLogger(this.logger)),
    };
  }

  async stop(): Promise<void> {
    await this.inbox?.stop();
    await this.relay?.stop();
    await this.followers?.stop();
    if (this.ownsBus) await this.bus.close?.();
    await this.store.close?.().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    await this.dataSource.destroy().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

const messagingLogger = (logger: RedactingLogger) => ({
  log: (m: string) => logger.log(m, 'messaging'),
  warn: (m: string) => logger.warn(m, 'messaging'),
  error: (m: string) => logger.error(m, 'messaging'),
});

/**
 * A broker that is still settling (a topic another service has just created,
 * a leader being elected) refuses for a moment: try again rather than die at start.
 */
const withRetries = async (what: string, work: () => Promise<void>, logger: RedactingLogger, attempts = 6): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      logger.warn(`${what}: attempt ${attempt} failed (${(error as Error).message}); trying again`, 'runtime');
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
};
