import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The secretariat's view of one file. Its history lets the file's status be worked out at any instant. */
@Entity({ name: 'rm_files' })
export class SecretariatFileRow {
  @PrimaryColumn('uuid') fileId!: string;
  @Index() @Column('text') fileNumber!: string;
  @Column('text') premisesKind!: string;
  @Column('boolean') residential!: boolean;
  @Column('int') cameraCount!: number;
  @Column('timestamptz') approvedAt!: Date;
  @Column('timestamptz') queuedAt!: Date;
  @Column('text', { nullable: true }) installationPermitId!: string | null;
  @Column('text', { nullable: true }) installationPermitNumber!: string | null;
  @Column('text', { nullable: true }) installationHologram!: string | null;
  @Column('timestamptz', { nullable: true }) signedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) installationValidUntil!: Date | null;
  /** From the latest written request: the secretariat's own office needs it to visit. */
  @Column('text', { nullable: true }) siteAddress!: string | null;
  @Column('text', { nullable: true }) contactMobile!: string | null;
  /** The request, re-inspection or renewal being worked on, if any (see rm_operation_requests). */
  @Column('text', { nullable: true }) openCaseId!: string | null;
  /** The file's own events in order, `{ type, data }`: folded with the decider at query time. */
  @Column('jsonb') history!: { type: string; data: unknown }[];
  @Column('timestamptz') updatedAt!: Date;
}
