import type { Office } from '@cctv/service-runtime';
import { SecretariatInspectionModule } from './secretariat-inspection.module';

export const secretariatInspectionOffice: Office = {
  service: 'secretariat-inspection',
  module: SecretariatInspectionModule,
  title: 'Secretariat inspection — دبیرخانه کمیته نظارت بر سامانه‌های پایش تصویری استان',
  description: 'Signing installation permits with holograms, operation permit requests, site inspections, temporary and main permits, renewal and revocation.',
};
