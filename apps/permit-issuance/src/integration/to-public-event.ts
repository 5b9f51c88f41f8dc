import type { IntegrationEvent, IntegrationEventMap } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { assertNever } from '@cctv/kernel';
import type { PermitEvent } from '@cctv/issuance-domain';
import { publicEnvelope } from '@cctv/messaging';

type Public = { [T in keyof IntegrationEventMap]: { type: T; data: IntegrationEventMap[T] } }[keyof IntegrationEventMap];

const PERMIT_EVENT_TYPES = new Set<string>(['PermitIssued', 'PermitSuperseded', 'PermitRevoked', 'PermitLapsed', 'PermitExpired']);

/**
 * What the register tells the other offices and analytics. Field by field, so
 * that nothing added to a domain event later (deficiency notes, say) leaks out
 * without a new contract version.
 */
const publicFormOf = (event: PermitEvent): Public => {
  const { permitId, permitNumber, fileId, at } = event.data;
  switch (event.type) {
    case 'PermitIssued': {
      const d = event.data;
      return {
        type: 'issuance.PermitIssued.v1',
        data: {
          permitId, permitNumber, permitType: d.permitType, kind: d.kind, fileId, hologramSerial: d.hologramSerial,
          supersedesPermitId: d.supersedesPermitId, issuedAt: d.issuedAt, validUntil: d.validUntil,
          issuedOnJalali: d.issuedOn, validThroughJalali: d.validThrough, at,
        },
      };
    }
    case 'PermitSuperseded':
      return { type: 'issuance.PermitSuperseded.v1', data: { permitId, permitNumber, fileId, supersededBy: event.data.supersededBy, at } };
    case 'PermitRevoked':
      return { type: 'issuance.PermitRevoked.v1', data: { permitId, permitNumber, fileId, reason: event.data.reason, at } };
    case 'PermitLapsed':
      return { type: 'issuance.PermitLapsed.v1', data: { permitId, permitNumber, fileId, at } };
    case 'PermitExpired':
      return { type: 'issuance.PermitExpired.v1', data: { permitId, permitNumber, fileId, at } };
    default:
      return assertNever(event);
  }
};

export const toPublicEvent = (recorded: RecordedEvent): IntegrationEvent | null => {
  if (!PERMIT_EVENT_TYPES.has(recorded.type)) return null; // inbox copies of the secretariat's events are not ours to publish
  const publicForm = publicFormOf({ type: recorded.type, data: recorded.data } as PermitEvent);
  return publicEnvelope(recorded, 'permit-issuance', publicForm, (publicForm.data as { permitId: string }).permitId);
};
