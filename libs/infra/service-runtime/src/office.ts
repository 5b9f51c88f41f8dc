import type { Type } from '@nestjs/common';
import { ACCESS, type ServiceName } from '@cctv/contracts';
import { createServiceApp, listen } from '@cctv/nest-common';
import { readServiceConfig } from './service-config';

/** One office's service as a deployable: its Nest module and how its API introduces itself. */
export interface Office {
  readonly service: ServiceName;
  readonly module: Type<unknown>;
  readonly title: string;
  readonly description: string;
}

/** Runs one office as its own process, configured from the environment. */
export const runOffice = (office: Office): void => {
  const start = async () => {
    const config = readServiceConfig(office.service);
    const options = { name: office.service, title: office.title, description: office.description, access: ACCESS[office.service], port: config.port, host: config.host };
    const app = await createServiceApp(office.module, options);
    await listen(app, options);
  };
  start().catch((error) => {
    process.stderr.write(`${office.service} failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
};
