import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, EVENT_STORE, HEALTH_CHECKS, HealthController, SEQUENCES, systemClock } from '@cctv/nest-common';
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
 * relay, inbox, projections and reactions, health checks, clock and sequences.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(definition: ServiceDefinition, config: ServiceConfig = readServiceConfig(definition.service)): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: ServiceRuntime, useFactory: () => ServiceRuntime.create(definition, config) },
        { provide: EVENT_STORE, useFactory: (rt: ServiceRuntime) => rt.store, inject: [ServiceRuntime] },
        { provide: DataSource, useFactory: (rt: ServiceRuntime) => rt.dataSource, inject: [ServiceRuntime] },
        { provide: SEQUENCES, useFactory: (rt: ServiceRuntime) => rt.sequences, inject: [ServiceRuntime] },
        { provide: HEALTH_CHECKS, useFactory: (rt: ServiceRuntime) => rt.healthChecks, inject: [ServiceRuntime] },
        { provide: CLOCK, useValue: systemClock },
        RuntimeLifecycle,
      ],
      exports: [SERVICE_CONFIG, ServiceRuntime, EVENT_STORE, DataSource, SEQUENCES, CLOCK, CqrsModule],
    };
  }
}
