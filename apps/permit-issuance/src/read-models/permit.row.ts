import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Deficiency, PermitKind, PermitType } from '@cctv/issuance-domain';

/** What the register last recorded; time may have ended an 'issued' permit since. */
export type RecordedStatus = 'issued' | 'superseded' | 'revoked' | 'lapsed' | 'expired';

/** One permit in the register, as clerks and the public verification page read it. */
@Entity({ name: 'rm_permits' })
export class PermitRow {
  @PrimaryColumn('text') permitId!: string;
  @Index({ unique: true }) @Column('text') permitNumber!: string;
  @Column('text') permitType!: PermitType;
  @Index() @Column('text') kind!: PermitKind;
  @Index() @Column('text') fileId!: string;
  @Index() @Column('text') hologramSerial!: string;
  @Column('jsonb') deficiencies!: Deficiency[];
  @Column('timestamptz') issuedAt!: Date;
  @Column('timestamptz') validFrom!: Date;
  /** Exclusive: Tehran midnight starting endDate. */
  @Index() @Column('timestamptz') validUntil!: Date;
  /** Tehran midnight starting the first day on which the permit reads 'expiring'; kept so that a list can filter on it. */
  @Column('timestamptz') expiringFrom!: Date;
  @Column('text') issuedOn!: string;
  @Column('text') validThrough!: string;
  @Column('text') endDate!: string;
  @Index() @Column('text') recorded!: RecordedStatus;
  @Column('text', { nullable: true }) supersedesPermitId!: string | null;
  @Column('text', { nullable: true }) supersedesPermitNumber!: string | null;
  @Column('text', { nullable: true }) supersededByPermitId!: string | null;
  @Column('text', { nullable: true }) supersededByPermitNumber!: string | null;
  @Column('timestamptz', { nullable: true }) supersededAt!: Date | null;
  @Column('text', { nullable: true }) revocationReason!: string | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) endedAt!: Date | null;
  @Column('timestamptz') updatedAt!: Date;
}
