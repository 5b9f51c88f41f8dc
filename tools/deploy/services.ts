import type { ServiceName } from '@cctv/contracts';

// The deployable services are the ones the local stack starts; apps/ also holds
// other entry points (such as the single-process embedded mode) that are not deployed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICES } = require('../stack.js') as { SERVICES: { name: ServiceName; port: number }[] };

export const deployedServices: readonly ServiceName[] = SERVICES.map((service) => service.name);
