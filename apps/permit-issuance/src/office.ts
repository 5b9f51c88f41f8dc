import type { Office } from '@cctv/service-runtime';
import { PermitIssuanceModule } from './permit-issuance.module';

export const permitIssuanceOffice: Office = {
  service: 'permit-issuance',
  module: PermitIssuanceModule,
  title: 'Permit issuance — دفتر مجوزهای سامانه‌های پایش تصویری',
  description: 'The permit register: numbers, validity windows and holograms on record, status at any instant, public verification.',
};
