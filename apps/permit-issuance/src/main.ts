import 'reflect-metadata';
import { createServiceApp, listen } from '@cctv/nest-common';
import { readServiceConfig } from '@cctv/service-runtime';
import { PermitIssuanceModule } from './permit-issuance.module';

async function main() {
  const config = readServiceConfig('permit-issuance');
  const options = {
    name: 'permit-issuance',
    title: 'Permit issuance — دفتر مجوزهای سامانه‌های پایش تصویری',
    description: 'The permit register: numbers, validity windows and holograms on record, status at any instant, public verification.',
    port: config.port,
    host: config.host,
  };
  const app = await createServiceApp(PermitIssuanceModule, options);
  await listen(app, options);
}

main().catch((error) => {
  process.stderr.write(`permit-issuance failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
