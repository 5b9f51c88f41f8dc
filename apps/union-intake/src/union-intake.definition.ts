import { TOPICS } from '@cctv/contracts';
import type { ServiceDefinition } from '@cctv/service-runtime';
import { toPublicEvent } from './integration/to-public-event';
import { unionFilesProjection } from './read-models/union-files.projection';
import { TimelineEntryRow, UnionFileRow } from './read-models/union-file.row';

/** The union office: publishes its files' steps, listens to what the other offices did with them. */
export const unionIntakeDefinition: ServiceDefinition = {
  service: 'union-intake',
  publicTopic: TOPICS.union,
  consumes: [TOPICS.secretariat, TOPICS.issuance],
  toPublicEvent,
  entities: [UnionFileRow, TimelineEntryRow],
  projections: [unionFilesProjection],
  // Each file opened gets its owner's reference, published with the approval.
  ownerRefs: true,
};
