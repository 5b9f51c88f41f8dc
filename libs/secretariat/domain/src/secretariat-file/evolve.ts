import { assertNever } from '@cctv/kernel';
import type { SecretariatFileEvent } from './events';
import type { SecretariatFileState, SignedFile } from './state';

/** Facts about operation permits only apply to a signed file; decide never emits them otherwise. */
const whenSigned = (state: SecretariatFileState, apply: (file: SignedFile) => SecretariatFileState) =>
  state.status === 'signed' ? apply(state) : state;

export const evolve = (state: SecretariatFileState, event: SecretariatFileEvent): SecretariatFileState => {
  switch (event.type) {
    case 'InstallationQueuedForSigning': {
      const { fileId, fileNumber, premisesKind, residential, cameraCount, ownerRef } = event.data;
      return { status: 'queued', file: { fileId, fileNumber, premisesKind, residential, cameraCount, ...(ownerRef ? { ownerRef } : {}) } };
    }
    case 'InstallationPermitSigned': {
      if (state.status !== 'queued') return state;
      const { installationPermitId, hologramSerial, validUntil } = event.data;
      return {
        status: 'signed',
        file: state.file,
        installation: { permitId: installationPermitId, hologramSerial, validUntil: new Date(validUntil) },
        openCase: null,
        permit: null,
        refusal: null,
        usedHolograms: [hologramSerial],
        permitIds: [installationPermitId],
      };
    }
    case 'OperationPermitRequested':
      // A new request starts afresh: an earlier permit (lapsed or revoked) and refusal are history.
      return whenSigned(state, (file) => ({
        ...file,
        openCase: { purpose: 'first', requestId: event.data.requestId, stage: { step: 'awaiting-inspection' } },
        permit: null,
        refusal: null,
      }));
    case 'InspectionScheduled':
      return whenSigned(state, (file) =>
        file.openCase
          ? {
              ...file,
              openCase: {
                ...file.openCase,
                stage: {
                  step: 'inspection-scheduled',
                  inspectionId: event.data.inspectionId,
                  scheduledFor: event.data.scheduledFor,
                  inspectorIds: event.data.inspectorIds,
                },
              },
            }
          : file,
      );
    case 'InspectionRecorded':
      return whenSigned(state, (file) =>
        file.openCase
          ? {
              ...file,
              openCase: {
                ...file.openCase,
                stage: {
                  step: 'awaiting-decision',
                  inspectionId: event.data.inspectionId,
                  deficiencies: event.data.deficiencies,
                },
              },
            }
          : file,
      );
    case 'OperationPermitGranted': {
      const { permitId, kind, validUntil, deficiencies, hologramSerial } = event.data;
      return whenSigned(state, (file) => ({
        ...file,
        openCase: null,
        permit: { permitId, kind, validUntil: new Date(validUntil), deficiencies, revocationReason: null },
        usedHolograms: [...file.usedHolograms, hologramSerial],
        permitIds: [...file.permitIds, permitId],
      }));
    }
    case 'OperationPermitRefused': {
      const { requestId, purpose, reasons } = event.data;
      return whenSigned(state, (file) => ({ ...file, openCase: null, refusal: { requestId, purpose, reasons } }));
    }
    case 'RemediationReported':
      return whenSigned(state, (file) => ({
        ...file,
        openCase: { purpose: 'reinspection', requestId: null, stage: { step: 'awaiting-inspection' } },
      }));
    case 'RenewalRequested':
      return whenSigned(state, (file) => ({
        ...file,
        openCase: { purpose: 'renewal', requestId: event.data.requestId, stage: { step: 'awaiting-inspection' } },
        refusal: null,
      }));
    case 'PermitRevoked': {
      const { permitType, reason } = event.data;
      return whenSigned(state, (file) => {
        if (permitType === 'installation') {
          return { status: 'closed', file: file.file, installation: file.installation, revocationReason: reason };
        }
        // A revoked permit cannot be re-inspected or renewed: the open case ends with it.
        return file.permit ? { ...file, openCase: null, permit: { ...file.permit, revocationReason: reason } } : file;
      });
    }
    default:
      return assertNever(event);
  }
};
