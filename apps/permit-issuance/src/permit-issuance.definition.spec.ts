import { InMemoryEventStore } from '@cctv/event-store';
import { inMemorySequences, systemClock } from '@cctv/nest-common';
import { permitIssuanceDefinition } from './permit-issuance.definition';

describe('the permit issuance service definition', () => {
  it('gives every read model and reaction a name of its own, since each name owns a checkpoint and a lock', () => {
    const reactions = permitIssuanceDefinition.reactions?.({ store: new InMemoryEventStore(), clock: systemClock, sequences: inMemorySequences() }) ?? [];
    const names = [...permitIssuanceDefinition.projections, ...reactions].map((follower) => follower.name);
    expect(reactions.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  it('publishes on the register’s topic and listens to the secretariat', () => {
    expect(permitIssuanceDefinition).toMatchObject({ service: 'permit-issuance', publicTopic: 'issuance.permits.v1', consumes: ['secretariat.cases.v1'] });
  });
});
