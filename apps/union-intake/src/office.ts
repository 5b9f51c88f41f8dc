import type { Office } from '@cctv/service-runtime';
import { UnionIntakeModule } from './union-intake.module';

export const unionIntakeOffice: Office = {
  service: 'union-intake',
  module: UnionIntakeModule,
  title: 'Union intake — اتحادیه صنف خدمات الکترونیک مشهد',
  description: 'Owners’ files, required documents and the union’s installation decision.',
};
