import { invalid } from '@cctv/kernel';
import type { QueueForSigning } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { requiredInstant, requiredText } from '../rules';
import type { SecretariatFileState } from '../state';

/** The union approved an installation: it waits here for the secretariat's signature. */
export const queueForSigning = ({ data }: QueueForSigning, state: SecretariatFileState): readonly SecretariatFileEvent[] => {
  // The union's approval is delivered at least once; the file is queued by the first delivery.
  if (state.status !== 'new') return [];
  const fileNumber = requiredText(data.fileNumber, 'fileNumber', 'شماره پرونده');
  const approvedAt = requiredInstant(data.approvedAt, 'approvedAt', 'زمان تأیید اتحادیه');
  if (!Number.isInteger(data.cameraCount) || data.cameraCount < 1) {
    throw invalid(
      'invalid-camera-count',
      'cameraCount must be a whole number of at least 1',
      'تعداد دوربین‌ها باید عددی درست و دست‌کم یک باشد.',
      'cameraCount',
    );
  }
  return [
    {
      type: 'InstallationQueuedForSigning',
      data: {
        fileId: data.fileId,
        fileNumber,
        premisesKind: data.premisesKind,
        residential: data.residential,
        cameraCount: data.cameraCount,
        approvedAt: approvedAt.toISOString(),
        ...(data.ownerRef ? { ownerRef: data.ownerRef } : {}),
        at: data.now.toISOString(),
      },
    },
  ];
};
