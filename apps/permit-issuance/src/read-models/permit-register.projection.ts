import type { EntityManager, Repository } from 'typeorm';
import type { RecordedEvent } from '@cctv/event-store';
import { assertNever } from '@cctv/kernel';
import type { PermitEvent, PermitIssued } from '@cctv/issuance-domain';
import { PermitRow } from './permit.row';
import { expiringFromOf } from './register-status';

const OWN_EVENTS = new Set<string>(['PermitIssued', 'PermitSuperseded', 'PermitRevoked', 'PermitLapsed', 'PermitExpired']);

/**
 * The register's read model: one row per permit with its validity window and
 * the last fact recorded about it. Whether it is valid, expiring or ended by
 * time is decided when someone asks, not here.
 */
export const permitRegisterProjection = {
  name: 'permit-register',

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    if (!OWN_EVENTS.has(recorded.type)) return; // the secretariat's events reach the register through the reaction
    const event = { type: recorded.type, data: recorded.data } as PermitEvent;
    const permits = em.getRepository(PermitRow);
    if (event.type === 'PermitIssued') {
      await permits.save(issuedRow(event, await numberOf(permits, event.data.supersedesPermitId)));
      return;
    }
    const row = await permits.findOneBy({ permitId: event.data.permitId });
    if (!row) return; // a permit from before this read model's history: nothing to show it on
    const at = new Date(event.data.at);
    switch (event.type) {
      case 'PermitSuperseded':
        row.recorded = 'superseded';
        row.supersededAt = at;
        row.supersededByPermitId = event.data.supersededBy;
        row.supersededByPermitNumber = await numberOf(permits, event.data.supersededBy);
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
    await permits.save(row);
  },

  async reset(em: EntityManager): Promise<void> {
    await em.getRepository(PermitRow).clear();
  },
};

const numberOf = async (permits: Repository<PermitRow>, permitId: string | null): Promise<string | null> =>
  permitId === null ? null : ((await permits.findOneBy({ permitId }))?.permitNumber ?? null);

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
