import { fileEventOf, issuedPermitOf, type ReadModelUpdate } from '../recorded-events';
import type { OperationPermitRow } from './operation-permit.row';

/** The latest-granted temporary permit of a file still standing as granted, as `ORDER BY grantedAt DESC LIMIT 1` finds it. */
export const standingTemporaryOf = (rows: readonly OperationPermitRow[]): OperationPermitRow | undefined => {
  let latest: OperationPermitRow | undefined;
  for (const row of rows) {
    if (row.kind !== 'temporary' || row.standing !== 'granted') continue;
    if (!latest || row.grantedAt.getTime() > latest.grantedAt.getTime()) latest = row;
  }
  return latest;
};

/** Operation permits as granted, superseded and revoked here, numbered by the register. */
export const updateOperationPermits: ReadModelUpdate = (recorded, { files, permits }) => {
  const change = (permitId: string, changes: Partial<OperationPermitRow>) => {
    const row = permits.get(permitId);
    if (!row) return;
    Object.assign(row, changes);
    permits.changed(row);
  };
  const issued = issuedPermitOf(recorded);
  if (issued) {
    if (issued.permitType === 'operation') change(issued.permitId, { permitNumber: issued.permitNumber });
    return;
  }
  const event = fileEventOf(recorded);
  switch (event?.type) {
    case 'OperationPermitGranted': {
      const d = event.data;
      const file = files.get(d.fileId);
      if (!file) return;
      if (d.supersedesPermitId) change(d.supersedesPermitId, { standing: 'superseded', supersededBy: d.permitId, renewalRequested: false });
      permits.insert({
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
      const temporary = standingTemporaryOf(permits.where('fileId', d.fileId));
      if (temporary) change(temporary.permitId, { deficiencies: d.deficiencies.map(({ item, note }) => ({ item, note })) });
      return;
    }
    case 'RenewalRequested':
      change(event.data.permitId, { renewalRequested: true });
      return;
    case 'OperationPermitRefused':
      if (event.data.purpose === 'renewal') {
        for (const row of permits.where('fileId', event.data.fileId)) if (row.standing === 'granted') change(row.permitId, { renewalRequested: false });
      }
      return;
    case 'PermitRevoked':
      if (event.data.permitType === 'operation') change(event.data.permitId, { standing: 'revoked', revocationReason: event.data.reason });
      return;
    default:
      return;
  }
};
