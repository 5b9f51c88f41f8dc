import { TOPICS } from '@cctv/contracts';
import type { ServiceDefinition } from '@cctv/service-runtime';
import { toPublicEvent } from './integration/to-public-event';
import { permitRegisterReaction } from './reactions/permit-register.reaction';
import { PermitRow } from './read-models/permit.row';
import { permitRegisterProjection } from './read-models/permit-register.projection';
import { PermitStepRow } from './read-models/permit-steps/permit-step.row';
import { permitStepsProjection } from './read-models/permit-steps/permit-steps.projection';

/** The permit register: records what the secretariat signed, and tells everyone when permits are issued and end. */
export const permitIssuanceDefinition: ServiceDefinition = {
  service: 'permit-issuance',
  publicTopic: TOPICS.issuance,
  consumes: [TOPICS.secretariat],
  toPublicEvent,
  entities: [PermitRow, PermitStepRow],
  projections: [permitRegisterProjection, permitStepsProjection],
  reactions: (deps) => [permitRegisterReaction(deps)],
};
