import { fileEventOf, type ReadModelUpdate } from '../recorded-events';
import { SigningQueueRow } from './signing-queue.row';

/** In the queue from the union's approval until the secretariat signs. */
export const updateSigningQueue: ReadModelUpdate = async (recorded, em) => {
  const event = fileEventOf(recorded);
  const queue = em.getRepository(SigningQueueRow);
  if (event?.type === 'InstallationQueuedForSigning') {
    const d = event.data;
    await queue.insert({
      fileId: d.fileId,
      fileNumber: d.fileNumber,
      premisesKind: d.premisesKind,
      residential: d.residential,
      cameraCount: d.cameraCount,
      approvedAt: new Date(d.approvedAt),
      queuedAt: new Date(d.at),
    });
  } else if (event?.type === 'InstallationPermitSigned') {
    await queue.delete({ fileId: event.data.fileId });
  }
};
