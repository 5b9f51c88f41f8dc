import type { ServiceName } from '@cctv/contracts';

// A record, not a list, so that a new service name fails to compile until it is added here.
const SERVICES: Readonly<Record<ServiceName, true>> = {
  'union-intake': true,
  'secretariat-inspection': true,
  'permit-issuance': true,
};

export const isServiceName = (value: unknown): value is ServiceName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(SERVICES, value);
