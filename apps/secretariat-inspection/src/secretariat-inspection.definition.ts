import { Logger } from '@nestjs/common';
import { TOPICS } from '@cctv/contracts';
import type { ServiceDefinition } from '@cctv/service-runtime';
import { toPublicEvent } from './integration/to-public-event';
import { queueOnUnionApproval } from './queueing-for-signing/queue-on-union-approval.reaction';
import { SECRETARIAT_OFFICE_ENTITIES, secretariatOfficeProjection } from './read-models/secretariat-office.projection';

const reactionsLog = new Logger('reactions');

/** The secretariat: publishes its decisions on files, listens to the union's approvals and the register's numbers. */
export const secretariatInspectionDefinition: ServiceDefinition = {
  service: 'secretariat-inspection',
  publicTopic: TOPICS.secretariat,
  consumes: [TOPICS.union, TOPICS.issuance],
  toPublicEvent,
  entities: SECRETARIAT_OFFICE_ENTITIES,
  projections: [secretariatOfficeProjection],
  reactions: (deps) => [queueOnUnionApproval(deps, (line) => reactionsLog.log(line))],
  // Owners are recognised by the reference the union's approval carried.
  ownerRefs: true,
};
