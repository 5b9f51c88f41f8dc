import { assertNever } from '@cctv/kernel';
import type { PermitEvent } from './events';
import type { PermitState } from './state';

export const evolve = (state: PermitState, event: PermitEvent): PermitState => {
  switch (event.type) {
    case 'PermitIssued':
      return { status: 'issued', permit: event.data };
    case 'PermitSuperseded':
      if (state.status === 'none') return state;
      return { status: 'superseded', permit: state.permit, supersededBy: event.data.supersededBy, supersededAt: event.data.at };
    case 'PermitRevoked':
      if (state.status === 'none') return state;
      return { status: 'revoked', permit: state.permit, reason: event.data.reason, revokedAt: event.data.at };
    case 'PermitLapsed':
      if (state.status === 'none') return state;
      return { status: 'lapsed', permit: state.permit, endedAt: event.data.endedAt };
    case 'PermitExpired':
      if (state.status === 'none') return state;
      return { status: 'expired', permit: state.permit, endedAt: event.data.endedAt };
    default:
      return assertNever(event);
  }
};
