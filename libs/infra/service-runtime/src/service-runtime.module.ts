import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, EVENT_STORE, HEALTH_CHECKS, HealthController, OwnerRefs, SEQUENCES, systemClock } from '@cctv/nest-common';
import { hostingOf, type RuntimeHosting } from './runtime-hosting';
import { readServiceConfig, ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { ServiceRuntime } from './service-runtime';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async onApplicationBootstrap() {
    await this.runtime.start();
  }

  async onApplicationShutdown() {
    await this.runtime.stop();
  }
}

/**
 * Wires one service's ports: its event store, read-model database, message bus,
 * relay, inbox, projections and reactions, health checks, clock, sequences and,
 * for the services that ask for them, owner references.
 *
 * Without an explicit configuration, the service takes what a one-process
 * launcher set for it (`hostInThisProcess`), else its environment — read when
 * the application is created, not when the module file is imported. Global
 * within one Nest application only: three applications in one process each get
 * their own runtime.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(definition: ServiceDefinition, config?: ServiceConfig, hosting?: RuntimeHosting): DynamicModule {
    const resolve = (): { config: ServiceConfig; hosting: RuntimeHosting } => {
      if (config) return { config, hosting: hosting ?? {} };
      const hosted = hostingOf(definition.service);
      if (hosted) return { config: hosted.config, hosting: { ...hosted, ...hosting } };
      return { config: readServiceConfig(definition.service), hosting: hosting ?? {} };
    };
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useFactory: () => resolve().config },
        {
          provide: ServiceRuntime,
          useFactory: () => {
            const chosen = resolve();
            return ServiceRuntime.create(definition, chosen.config, chosen.hosting);
          },
        },
        { provide: EVENT_STORE, useFactory: (rt: ServiceRuntime) => rt.store, inject: [ServiceRuntime] },
        { provide: DataSource, useFactory: (rt: ServiceRuntime) => rt.dataSource, inject: [ServiceRuntime] },
        { provide: SEQUENCES, useFactory: (rt: ServiceRuntime) => rt.sequences, inject: [ServiceRuntime] },
        { provide: HEALTH_CHECKS, useFactory: (rt: ServiceRuntime) => rt.healthChecks, inject: [ServiceRuntime] },
        { provide: CLOCK, useValue: systemClock },
        // Read when the application is created: a production service that needs OWNER_REF_SECRET does not start without it.
        ...(definition.ownerRefs ? [{ provide: OwnerRefs, useFactory: () => OwnerRefs.fromEnvironment() }] : []),
        RuntimeLifecycle,
      ],
      exports: [SERVICE_CONFIG, ServiceRuntime, EVENT_STORE, DataSource, SEQUENCES, CLOCK, ...(definition.ownerRefs ? [OwnerRefs] : []), CqrsModule],
    };
  }
}
