import 'reflect-metadata';
import { createServiceApp, listen } from '@cctv/nest-common';
import { readServiceConfig } from '@cctv/service-runtime';
import { SecretariatInspectionModule } from './secretariat-inspection.module';

async function main() {
  const config = readServiceConfig('secretariat-inspection');
  const options = {
    name: 'secretariat-inspection',
    title: 'Secretariat inspection — دبیرخانه کمیته نظارت بر سامانه‌های پایش تصویری استان',
    description: 'Signing installation permits with holograms, operation permit requests, site inspections, temporary and main permits, renewal and revocation.',
    port: config.port,
    host: config.host,
  };
  const app = await createServiceApp(SecretariatInspectionModule, options);
  await listen(app, options);
}

main().catch((error) => {
  process.stderr.write(`secretariat-inspection failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
