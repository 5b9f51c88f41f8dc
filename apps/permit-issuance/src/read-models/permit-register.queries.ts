import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatJalali, ROLE_LABELS_FA, toJalaliDate, type OfficeRole } from '@cctv/kernel';
import type { PermitKind, PermitStatus, PermitType } from '@cctv/issuance-domain';
import { CLOCK, type Clock } from '@cctv/nest-common';
import { STEP_LABELS_FA } from './permit-labels';
import { PermitRow } from './permit.row';
import { PermitStepRow } from './permit-steps/permit-step.row';
import { registerEntry, type RegisterEntry } from './register-entry';
import { STATUS_CONDITION } from './register-status';
import { canonicalHologramSerial, canonicalPermitNumber } from './typed-identifiers';

/** The public address of this service, for the verification link on every permit (PUBLIC_BASE_URL). */
export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

export interface RegisterFilter {
  readonly status?: PermitStatus;
  readonly kind?: PermitKind;
  readonly permitType?: PermitType;
  readonly fileId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** What the register answers, with every status computed at the clock's instant. */
@Injectable()
export class PermitRegisterQueries {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PUBLIC_BASE_URL) private readonly baseUrl: string,
  ) {}

  async list(filter: RegisterFilter) {
    const now = this.clock.now();
    const query = this.db.getRepository(PermitRow).createQueryBuilder('p');
    if (filter.status) query.andWhere(STATUS_CONDITION[filter.status], { now });
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.permitType) query.andWhere('p.permitType = :permitType', { permitType: filter.permitType });
    if (filter.fileId) query.andWhere('p.fileId = :fileId', { fileId: filter.fileId });
    const [rows, total] = await query
      .orderBy('p.issuedAt', 'DESC')
      .addOrderBy('p.permitNumber', 'ASC')
      .take(filter.limit ?? 50)
      .skip(filter.offset ?? 0)
      .getManyAndCount();
    return {
      asOf: now.toISOString(),
      asOfJalali: formatJalali(toJalaliDate(now)),
      total,
      permits: rows.map((row) => registerEntry(row, now, this.baseUrl)),
    };
  }

  async byNumber(typed: string): Promise<RegisterEntry | null> {
    const permitNumber = canonicalPermitNumber(typed);
    if (!permitNumber) return null;
    return this.entry(await this.db.getRepository(PermitRow).findOneBy({ permitNumber }));
  }

  async byHologram(typed: string): Promise<RegisterEntry | null> {
    return this.entry(await this.db.getRepository(PermitRow).findOneBy({ hologramSerial: canonicalHologramSerial(typed) }));
  }

  /** The permit's audit trail, oldest first: each step with who took it (person and role), when (ISO and Jalali) and the request's correlation id. */
  async stepsOf(permitId: string) {
    const steps = await this.db.getRepository(PermitStepRow).find({ where: { permitId }, order: { at: 'ASC', eventId: 'ASC' } });
    return steps.map((s) => ({
      step: s.step,
      stepFa: STEP_LABELS_FA[s.step] ?? s.step,
      at: s.at.toISOString(),
      atJalali: formatJalali(toJalaliDate(s.at)),
      actor: { personId: s.actorId, role: s.actorRole, roleFa: ROLE_LABELS_FA[s.actorRole as OfficeRole] ?? s.actorRole },
      correlationId: s.correlationId,
    }));
  }

  private entry(row: PermitRow | null): RegisterEntry | null {
    return row ? registerEntry(row, this.clock.now(), this.baseUrl) : null;
  }
}
