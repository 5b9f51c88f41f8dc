import 'reflect-metadata';
import { createServiceApp, listen } from '@cctv/nest-common';
import { readServiceConfig } from '@cctv/service-runtime';
import { UnionIntakeModule } from './union-intake.module';

async function main() {
  const config = readServiceConfig('union-intake');
  const options = {
    name: 'union-intake',
    title: 'Union intake — اتحادیه صنف خدمات الکترونیک مشهد',
    description: 'Owners’ files, required documents and the union’s installation decision.',
    port: config.port,
    host: config.host,
  };
  const app = await createServiceApp(UnionIntakeModule, options);
  await listen(app, options);
}

main().catch((error) => {
  process.stderr.write(`union-intake failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
