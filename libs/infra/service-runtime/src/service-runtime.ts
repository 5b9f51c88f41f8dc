import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresCheckpointStore, PostgresEventStore, type EventStore } from '@cctv/event-store';
import { InboxConsumer, KafkaMessageBus, OutboundRelay, PostgresAdvisoryLock, publishedSchemaCheck, type MessageBus } from '@cctv/messaging';
import { postgresSequences, RedactingLogger, systemClock, type HealthCheck, type SequenceFactory } from '@cctv/nest-common';
import type { ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { startFollowers, type Followers } from './followers';

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
    readonly store: EventStore & { ensureSchema?: () => Promise<void> },
    readonly dataSource: DataSource,
    readonly bus: MessageBus & { close?: () => Promise<void> },
    readonly sequences: SequenceFactory,
    readonly logger: RedactingLogger,
  ) {}

  static async create(definition: ServiceDefinition, config: ServiceConfig): Promise<ServiceRuntime> {
    const logger = new RedactingLogger(config.service);
    const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
    const store = new PostgresEventStore(pool, config.schema);
    await store.ensureSchema();
    const dataSource = new DataSource({
      type: 'postgres',
      url: config.databaseUrl,
      schema: config.schema,
      entities: [...definition.entities],
      // Read models are disposable: they are rebuilt from the event store, so their tables follow the entities.
      synchronize: true,
      logging: false,
    });
    await dataSource.initialize();
    const bus = new KafkaMessageBus({ brokers: config.kafkaBrokers, clientId: config.service, logger: messagingLogger(logger) });
    return new ServiceRuntime(definition, config, pool, store, dataSource, bus, postgresSequences(pool, config.schema), logger);
  }

  topic(name: string): string {
    return `${this.config.topicPrefix}${name}`;
  }

  get healthChecks(): HealthCheck[] {
    return [
      { name: 'database', check: async () => void (await this.pool.query('SELECT 1')) },
      {
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
    await this.bus.ensureTopics([
      { topic: this.topic(definition.publicTopic), partitions },
      ...definition.consumes.map((t) => ({ topic: this.topic(t), partitions })),
      { topic: this.topic(`${definition.service}.dlq`), partitions: 1 },
    ]);
    this.followers = await startFollowers(this, { clock: systemClock });
    this.relay = new OutboundRelay({
      name: `${definition.service}.outbound`,
      topic: this.topic(definition.publicTopic),
      store: this.store,
      checkpoints: new PostgresCheckpointStore(this.pool, config.schema),
      bus: this.bus,
      lock: new PostgresAdvisoryLock({ connectionString: config.databaseUrl }, `${config.schema}.outbound`, log),
      toIntegrationEvent: definition.toPublicEvent,
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
      await this.inbox.start();
    }
  }

  async stop(): Promise<void> {
    await this.inbox?.stop();
    await this.relay?.stop();
    await this.followers?.stop();
    await this.bus.close?.();
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
