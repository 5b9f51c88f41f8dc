import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cctv/event-store';
import { assertNever } from '@cctv/kernel';
import { RowSet } from '@cctv/projections';
import type { PermitEvent, PermitIssued } from '@cctv/issuance-domain';
import { PermitRow } from './permit.row';
import { expiringFromOf } from './register-status';

const OWN_EVENTS = new Set<string>(['PermitIssued', 'PermitSuperseded', 'PermitRevoked', 'PermitLapsed', 'PermitExpired']);

const permitEventOf = (recorded: RecordedEvent): PermitEvent | null =>
  OWN_EVENTS.has(recorded.type) ? ({ type: recorded.type, data: recorded.data } as PermitEvent) : null;

const numberOf = (permits: RowSet<PermitRow>, permitId: string | null): string | null =>
  permitId === null ? null : (permits.get(permitId)?.permitNumber ?? null);

const applyToBatch = (recorded: RecordedEvent, permits: RowSet<PermitRow>): void => {
  const event = permitEventOf(recorded);
  if (!event) return; // the secretariat's events reach the register through the reaction
  if (event.type === 'PermitIssued') {
    permits.put(issuedRow(event, numberOf(permits, event.data.supersedesPermitId)));
    return;
  }
  const row = permits.get(event.data.permitId);
  if (!row) return; // a permit from before this read model's history: nothing to show it on
  const at = new Date(event.data.at);
  switch (event.type) {
    case 'PermitSuperseded':
      row.recorded = 'superseded';
      row.supersededAt = at;
      row.supersededByPermitId = event.data.supersededBy;
      row.supersededByPermitNumber = numberOf(permits, event.data.supersededBy);
      break;
    case 'PermitRevoked':
      row.recorded = 'revoked';
      row.revokedAt = at;
      row.revocationReason = event.data.reason;
      break;
    case 'PermitLapsed':
    case 'PermitExpired':
      row.recorded = event.type === 'PermitLapsed' ? 'lapsed' : 'expired';
      row.endedAt = new Date(event.data.endedAt);
      break;
    default:
      return assertNever(event);
  }
  row.updatedAt = at;
  permits.changed(row);
};

/**
 * The register's read model: one row per permit with its validity window and
 * the last fact recorded about it. Whether it is valid, expiring or ended by
 * time is decided when someone asks, not here. A batch loads the permits its
 * events name in one query, applies them in memory and writes them back.
 */
export const permitRegisterProjection = {
  name: 'permit-register',

  /** Only the permits' own events change the register. */
  handles(recorded: RecordedEvent): boolean {
    return permitEventOf(recorded) !== null;
  },

  apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    return permitRegisterProjection.applyBatch([recorded], em);
  },

  async applyBatch(events: readonly RecordedEvent[], em: EntityManager): Promise<void> {
    const ids = new Set<string>();
    for (const recorded of events) {
      const event = permitEventOf(recorded);
      if (!event) continue;
      ids.add(event.data.permitId);
      if (event.type === 'PermitIssued' && event.data.supersedesPermitId !== null) ids.add(event.data.supersedesPermitId);
      if (event.type === 'PermitSuperseded') ids.add(event.data.supersededBy);
    }
    if (ids.size === 0) return;
    const permits = new RowSet(PermitRow, 'permitId');
    await permits.load(em, { permitId: ids });
    for (const recorded of events) applyToBatch(recorded, permits);
    await permits.flush(em);
  },

  async reset(em: EntityManager): Promise<void> {
    await em.getRepository(PermitRow).clear();
  },
};

/** A permit's row as it enters the register, before anything else is recorded about it. */
export const issuedRow = ({ data: d }: PermitIssued, supersedesPermitNumber: string | null): PermitRow => ({
  permitId: d.permitId,
  permitNumber: d.permitNumber,
  permitType: d.permitType,
  kind: d.kind,
  fileId: d.fileId,
  hologramSerial: d.hologramSerial,
  deficiencies: [...d.deficiencies],
  issuedAt: new Date(d.issuedAt),
  validFrom: new Date(d.validFrom),
  validUntil: new Date(d.validUntil),
  expiringFrom: expiringFromOf(d.endDate),
  issuedOn: d.issuedOn,
  validThrough: d.validThrough,
  endDate: d.endDate,
  recorded: 'issued',
  supersedesPermitId: d.supersedesPermitId,
  supersedesPermitNumber,
  supersededByPermitId: null,
  supersededByPermitNumber: null,
  supersededAt: null,
  revocationReason: null,
  revokedAt: null,
  endedAt: null,
  updatedAt: new Date(d.at),
});
