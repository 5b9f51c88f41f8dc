import { Module } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceRuntimeModule, type ServiceConfig } from '@cctv/service-runtime';
import { LapseSweeper, LAPSE_SWEEP_INTERVAL_MS, lapseSweepIntervalFrom } from './lapse-sweep/lapse-sweeper';
import { permitIssuanceDefinition } from './permit-issuance.definition';
import { PermitRegisterQueries, PUBLIC_BASE_URL } from './read-models/permit-register.queries';
import { PermitsQueryController } from './read-models/permits-query.controller';
import { RegisterStatisticsController, RegisterStatisticsQuery } from './statistics/register-statistics.query';
import { VerifyController } from './verifying/verify.controller';

@Module({
  imports: [ServiceRuntimeModule.forRoot(permitIssuanceDefinition)],
  controllers: [PermitsQueryController, VerifyController, RegisterStatisticsController],
  providers: [
    {
      // Where the QR code on a printed permit leads: the public address when one is set, else where this service listens.
      provide: PUBLIC_BASE_URL,
      useFactory: (config: ServiceConfig) => process.env.PUBLIC_BASE_URL ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`,
      inject: [SERVICE_CONFIG],
    },
    { provide: LAPSE_SWEEP_INTERVAL_MS, useFactory: () => lapseSweepIntervalFrom() },
    PermitRegisterQueries,
    RegisterStatisticsQuery,
    LapseSweeper,
  ],
})
export class PermitIssuanceModule {}
