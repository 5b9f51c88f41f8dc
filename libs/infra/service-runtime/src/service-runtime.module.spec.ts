import type { Provider } from '@nestjs/common';
import { OwnerRefs } from '@cctv/nest-common';
import { readServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { ServiceRuntimeModule } from './service-runtime.module';

const definition = (ownerRefs?: boolean): ServiceDefinition => ({
  service: 'permit-issuance', publicTopic: 't', consumes: [], toPublicEvent: () => null, entities: [], projections: [],
  ...(ownerRefs === undefined ? {} : { ownerRefs }),
});
const provides = (def: ServiceDefinition, token: unknown) =>
  (ServiceRuntimeModule.forRoot(def, readServiceConfig(def.service, {})).providers as Provider[]).some((p) => typeof p === 'object' && 'provide' in p && p.provide === token);

describe('the service runtime module', () => {
  it('gives owner references only to a service that asks for them, so the others start without OWNER_REF_SECRET', () => {
    expect(provides(definition(true), OwnerRefs)).toBe(true);
    expect(provides(definition(), OwnerRefs)).toBe(false);
    expect(provides(definition(false), OwnerRefs)).toBe(false);
  });
});
