import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@cctv/service-runtime';
import { LapseSweeper, LAPSE_SWEEP_INTERVAL_MS, lapseSweepIntervalFrom } from './lapse-sweep/lapse-sweeper';
import { permitIssuanceDefinition } from './permit-issuance.definition';
import { PermitRegisterQueries, PUBLIC_BASE_URL } from './read-models/permit-register.queries';
import { PermitsQueryController } from './read-models/permits-query.controller';
import { VerifyController } from './verifying/verify.controller';

@Module({
  imports: [ServiceRuntimeModule.forRoot(permitIssuanceDefinition)],
  controllers: [PermitsQueryController, VerifyController],
  providers: [
    { provide: PUBLIC_BASE_URL, useFactory: () => process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3003' },
    { provide: LAPSE_SWEEP_INTERVAL_MS, useFactory: () => lapseSweepIntervalFrom() },
    PermitRegisterQueries,
    LapseSweeper,
  ],
})
export class PermitIssuanceModule {}
