import type { IntegrationEvent, IntegrationEventMap } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { assertNever } from '@cctv/kernel';
import type { SecretariatFileEvent } from '@cctv/secretariat-domain';
import { FILE_EVENT_TYPES } from '../secretariat-file/file-event-types';
import { publicEnvelope } from '@cctv/messaging';

type Public = { [T in keyof IntegrationEventMap]: { type: T; data: IntegrationEventMap[T] } }[keyof IntegrationEventMap];

const deficiencies = (list: readonly { item: string; note: string }[]) => list.map(({ item, note }) => ({ item, note }));

/**
 * What the secretariat tells the other offices and analytics: whitelisted
 * fields only. The site address and contact mobile of an operation request,
 * the letter number and the owner's remediation note stay inside.
 */
const publicFormOf = (event: SecretariatFileEvent): Public => {
  switch (event.type) {
    case 'InstallationQueuedForSigning': {
      const { fileId, fileNumber, at } = event.data;
      return { type: 'secretariat.InstallationQueuedForSigning.v1', data: { fileId, fileNumber, at } };
    }
    case 'InstallationPermitSigned': {
      const { fileId, fileNumber, installationPermitId, hologramSerial, at } = event.data;
      return { type: 'secretariat.InstallationPermitSigned.v1', data: { fileId, fileNumber, installationPermitId, hologramSerial, at } };
    }
    case 'OperationPermitRequested': {
      const { fileId, installationPermitId, requestId, at } = event.data;
      return { type: 'secretariat.OperationPermitRequested.v1', data: { fileId, installationPermitId, requestId, at } };
    }
    case 'InspectionScheduled': {
      const { fileId, inspectionId, scheduledFor, inspectorIds, purpose, at } = event.data;
      return {
        type: 'secretariat.InspectionScheduled.v1',
        data: { fileId, inspectionId, scheduledFor, inspectorIds: [...inspectorIds], purpose, at },
      };
    }
    case 'InspectionRecorded': {
      const { fileId, inspectionId, passed, at } = event.data;
      return {
        type: 'secretariat.InspectionRecorded.v1',
        data: { fileId, inspectionId, passed, deficiencies: deficiencies(event.data.deficiencies), at },
      };
    }
    case 'OperationPermitGranted': {
      const { fileId, permitId, installationPermitId, kind, hologramSerial, supersedesPermitId, at } = event.data;
      return {
        type: 'secretariat.OperationPermitGranted.v1',
        data: {
          fileId, permitId, installationPermitId, kind, hologramSerial,
          deficiencies: deficiencies(event.data.deficiencies), supersedesPermitId, at,
        },
      };
    }
    case 'OperationPermitRefused': {
      const { fileId, reasons, at } = event.data;
      return { type: 'secretariat.OperationPermitRefused.v1', data: { fileId, reasons: [...reasons], at } };
    }
    case 'RemediationReported': {
      const { fileId, at } = event.data;
      return { type: 'secretariat.RemediationReported.v1', data: { fileId, at } };
    }
    case 'RenewalRequested': {
      const { fileId, permitId, at } = event.data;
      return { type: 'secretariat.RenewalRequested.v1', data: { fileId, permitId, at } };
    }
    case 'PermitRevoked': {
      const { fileId, permitId, reason, at } = event.data;
      return { type: 'secretariat.PermitRevoked.v1', data: { fileId, permitId, reason, at } };
    }
    default:
      return assertNever(event);
  }
};

/** Own file events only: the hologram registry and the inbox copies of other offices' events are not ours to publish. */
export const toPublicEvent = (recorded: RecordedEvent): IntegrationEvent | null => {
  if (!FILE_EVENT_TYPES.has(recorded.type)) return null;
  const publicForm = publicFormOf({ type: recorded.type, data: recorded.data } as SecretariatFileEvent);
  return publicEnvelope(recorded, 'secretariat-inspection', publicForm, (publicForm.data as { fileId: string }).fileId);
};
