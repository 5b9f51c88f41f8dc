import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PermitStanding = 'granted' | 'superseded' | 'revoked';

/** An operation permit the secretariat granted; whether it has ended is a question of the clock, asked at query time. */
@Entity({ name: 'rm_operation_permits' })
@Index(['standing', 'validUntil'])
export class OperationPermitRow {
  @PrimaryColumn('uuid') permitId!: string;
  @Index() @Column('uuid') fileId!: string;
  @Column('text') fileNumber!: string;
  @Column('text') kind!: 'temporary' | 'main';
  /** Learned from the register's PermitIssued; null until it arrives. */
  @Column('text', { nullable: true }) permitNumber!: string | null;
  @Column('text') hologramSerial!: string;
  @Column('text') inspectionId!: string;
  @Column('timestamptz') grantedAt!: Date;
  @Column('timestamptz') validUntil!: Date;
  @Column('text') validThroughJalali!: string;
  /** What remains to remedy: the grant's list, then what a failed re-inspection found. */
  @Column('jsonb') deficiencies!: { item: string; note: string }[];
  @Column('text') standing!: PermitStanding;
  @Column('text', { nullable: true }) supersededBy!: string | null;
  @Column('text', { nullable: true }) revocationReason!: string | null;
  @Column('boolean', { default: false }) renewalRequested!: boolean;
}
