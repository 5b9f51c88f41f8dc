import { fileEventOf, type ReadModelUpdate } from '../recorded-events';

/** In the queue from the union's approval until the secretariat signs. */
export const updateSigningQueue: ReadModelUpdate = (recorded, { signingQueue }) => {
  const event = fileEventOf(recorded);
  if (event?.type === 'InstallationQueuedForSigning') {
    const d = event.data;
    signingQueue.insert({
      fileId: d.fileId,
      fileNumber: d.fileNumber,
      premisesKind: d.premisesKind,
      residential: d.residential,
      cameraCount: d.cameraCount,
      approvedAt: new Date(d.approvedAt),
      queuedAt: new Date(d.at),
    });
  } else if (event?.type === 'InstallationPermitSigned') {
    signingQueue.delete(event.data.fileId);
  }
};
