import type { IntegrationEvent, IntegrationEventMap } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { assertNever } from '@cctv/kernel';
import type { UnionFileEvent } from '@cctv/union-domain';
import { publicEnvelope } from '@cctv/messaging';

type Public = { [T in keyof IntegrationEventMap]: { type: T; data: IntegrationEventMap[T] } }[keyof IntegrationEventMap];

const UNION_EVENT_TYPES = new Set<string>([
  'FileOpened', 'DocumentSubmitted', 'DocumentAccepted', 'DocumentRequestedAgain', 'InstallationApproved', 'InstallationRefused',
]);

/** What the union tells the other offices and analytics: whitelisted fields only, never the owner's identity or address. */
const publicFormOf = (event: UnionFileEvent): Public => {
  switch (event.type) {
    case 'FileOpened': {
      const d = event.data;
      return {
        type: 'union.FileOpened.v1',
        data: {
          fileId: d.fileId, fileNumber: d.fileNumber, premisesKind: d.premises.kind, residential: d.premises.residential,
          residentialUnits: d.premises.residentialUnits, cameraCount: d.system.cameras.length, ownerKind: d.owner.kind, at: d.at,
        },
      };
    }
    case 'DocumentSubmitted':
      return { type: 'union.DocumentSubmitted.v1', data: { fileId: event.data.fileId, documentKind: event.data.documentKind, at: event.data.at } };
    case 'DocumentAccepted':
      return { type: 'union.DocumentAccepted.v1', data: { fileId: event.data.fileId, documentKind: event.data.documentKind, at: event.data.at } };
    case 'DocumentRequestedAgain':
      return {
        type: 'union.DocumentRequestedAgain.v1',
        data: { fileId: event.data.fileId, documentKind: event.data.documentKind, reason: event.data.reason, at: event.data.at },
      };
    case 'InstallationApproved': {
      const d = event.data;
      return {
        type: 'union.InstallationApproved.v1',
        data: {
          fileId: d.fileId, fileNumber: d.fileNumber, premisesKind: d.premisesKind, residential: d.residential,
          residentialUnits: d.residentialUnits, cameraCount: d.cameraCount,
          // A keyed digest, not the national ID: it lets the secretariat recognise the owner and nobody else link their files.
          ...(d.ownerRef ? { ownerRef: d.ownerRef } : {}),
          at: d.at,
        },
      };
    }
    case 'InstallationRefused':
      return { type: 'union.InstallationRefused.v1', data: { fileId: event.data.fileId, fileNumber: event.data.fileNumber, reasons: event.data.reasons, at: event.data.at } };
    default:
      return assertNever(event);
  }
};

export const toPublicEvent = (recorded: RecordedEvent): IntegrationEvent | null => {
  if (!UNION_EVENT_TYPES.has(recorded.type)) return null; // inbox copies of other offices' events are not ours to publish
  const publicForm = publicFormOf({ type: recorded.type, data: recorded.data } as UnionFileEvent);
  return publicEnvelope(recorded, 'union-intake', publicForm, (publicForm.data as { fileId: string }).fileId);
};
