import type { Type } from '@nestjs/common';
import type { ServiceName } from '@cctv/contracts';
// The launcher of the one-process mode is the one place that holds all three
// offices; they still meet only through the bus and their public events.
import { PermitIssuanceModule } from '../../permit-issuance/src/permit-issuance.module';
import { SecretariatInspectionModule } from '../../secretariat-inspection/src/secretariat-inspection.module';
import { UnionIntakeModule } from '../../union-intake/src/union-intake.module';

export interface Office {
  readonly service: ServiceName;
  readonly module: Type<unknown>;
  readonly title: string;
  readonly description: string;
}

/** In the order they start: the union first, the register last. */
export const OFFICES: readonly Office[] = [
  {
    service: 'union-intake',
    module: UnionIntakeModule,
    title: 'Union intake — اتحادیه صنف خدمات الکترونیک مشهد',
    description: 'Owners’ files, required documents and the union’s installation decision.',
  },
  {
    service: 'secretariat-inspection',
    module: SecretariatInspectionModule,
    title: 'Secretariat inspection — دبیرخانه کمیته نظارت بر سامانه‌های پایش تصویری استان',
    description: 'Signing installation permits with holograms, operation permit requests, site inspections, temporary and main permits, renewal and revocation.',
  },
  {
    service: 'permit-issuance',
    module: PermitIssuanceModule,
    title: 'Permit issuance — دفتر مجوزهای سامانه‌های پایش تصویری',
    description: 'The permit register: numbers, validity windows and holograms on record, status at any instant, public verification.',
  },
];
