import { fileEventOf, issuedPermitOf, type ReadModelUpdate } from '../recorded-events';

/** Runs last: the other tables read the file row as it was before this event. */
export const updateFiles: ReadModelUpdate = (recorded, { files }) => {
  const issued = issuedPermitOf(recorded);
  if (issued) {
    if (issued.permitType === 'installation') {
      const file = files.get(issued.fileId);
      if (file && file.installationPermitId === issued.permitId) {
        file.installationPermitNumber = issued.permitNumber;
        files.changed(file);
      }
    }
    return;
  }
  const event = fileEventOf(recorded);
  if (!event) return;
  const at = new Date(event.data.at);
  if (event.type === 'InstallationQueuedForSigning') {
    const d = event.data;
    files.insert({
      fileId: d.fileId, fileNumber: d.fileNumber, premisesKind: d.premisesKind, residential: d.residential, cameraCount: d.cameraCount,
      approvedAt: new Date(d.approvedAt), queuedAt: at,
      installationPermitId: null, installationPermitNumber: null, installationHologram: null, signedAt: null, installationValidUntil: null,
      siteAddress: null, contactMobile: null, openCaseId: null,
      history: [{ type: event.type, data: event.data }],
      updatedAt: at,
    });
    return;
  }
  const file = files.get(event.data.fileId);
  if (!file) return; // queued before this read model's history began: nothing to hang it on
  file.history = [...file.history, { type: event.type, data: event.data }];
  file.updatedAt = at;
  switch (event.type) {
    case 'InstallationPermitSigned':
      file.installationPermitId = event.data.installationPermitId;
      file.installationHologram = event.data.hologramSerial;
      file.installationValidUntil = new Date(event.data.validUntil);
      file.signedAt = at;
      break;
    case 'OperationPermitRequested':
      file.siteAddress = event.data.siteAddress;
      file.contactMobile = event.data.contactMobile;
      file.openCaseId = event.data.requestId;
      break;
    case 'RemediationReported':
      file.openCaseId = recorded.eventId;
      break;
    case 'RenewalRequested':
      file.openCaseId = event.data.requestId;
      break;
    case 'OperationPermitGranted':
    case 'OperationPermitRefused':
    case 'PermitRevoked':
      file.openCaseId = null;
      break;
    default:
      break;
  }
  files.changed(file);
};
