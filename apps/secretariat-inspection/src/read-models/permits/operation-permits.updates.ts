import { SecretariatFileRow } from '../files/secretariat-file.row';
import { fileEventOf, issuedPermitOf, type ReadModelUpdate } from '../recorded-events';
import { OperationPermitRow } from './operation-permit.row';

/** Operation permits as granted, superseded and revoked here, numbered by the register. */
export const updateOperationPermits: ReadModelUpdate = async (recorded, em) => {
  const permits = em.getRepository(OperationPermitRow);
  const issued = issuedPermitOf(recorded);
  if (issued) {
    if (issued.permitType === 'operation') await permits.update({ permitId: issued.permitId }, { permitNumber: issued.permitNumber });
    return;
  }
  const event = fileEventOf(recorded);
  switch (event?.type) {
    case 'OperationPermitGranted': {
      const d = event.data;
      const file = await em.getRepository(SecretariatFileRow).findOneBy({ fileId: d.fileId });
      if (!file) return;
      if (d.supersedesPermitId) {
        await permits.update({ permitId: d.supersedesPermitId }, { standing: 'superseded', supersededBy: d.permitId, renewalRequested: false });
      }
      await permits.insert({
        permitId: d.permitId,
        fileId: d.fileId,
        fileNumber: file.fileNumber,
        kind: d.kind,
        permitNumber: null,
        hologramSerial: d.hologramSerial,
        inspectionId: d.inspectionId,
        grantedAt: new Date(d.at),
        validUntil: new Date(d.validUntil),
        validThroughJalali: d.validThrough,
        deficiencies: d.deficiencies.map(({ item, note }) => ({ item, note })),
        standing: 'granted',
        supersededBy: null,
        revocationReason: null,
        renewalRequested: false,
      });
      return;
    }
    case 'InspectionRecorded': {
      // A failed re-inspection: what remains to remedy is what it found, within the same six months.
      const d = event.data;
      if (d.purpose !== 'reinspection' || d.passed) return;
      const temporary = await permits.findOne({ where: { fileId: d.fileId, kind: 'temporary', standing: 'granted' }, order: { grantedAt: 'DESC' } });
      if (temporary) await permits.update({ permitId: temporary.permitId }, { deficiencies: d.deficiencies.map(({ item, note }) => ({ item, note })) });
      return;
    }
    case 'RenewalRequested':
      await permits.update({ permitId: event.data.permitId }, { renewalRequested: true });
      return;
    case 'OperationPermitRefused':
      if (event.data.purpose === 'renewal') await permits.update({ fileId: event.data.fileId, standing: 'granted' }, { renewalRequested: false });
      return;
    case 'PermitRevoked':
      if (event.data.permitType === 'operation') {
        await permits.update({ permitId: event.data.permitId }, { standing: 'revoked', revocationReason: event.data.reason });
      }
      return;
    default:
      return;
  }
};
