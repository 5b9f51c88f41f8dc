import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/** The union office's view of one file, across all three offices. Personal data stays in this service. */
@Entity({ name: 'rm_files' })
export class UnionFileRow {
  @PrimaryColumn('uuid') fileId!: string;
  @Index({ unique: true }) @Column('text') fileNumber!: string;
  /** Where the file stands in the whole lifecycle (union decision, signature, operation permit…). */
  @Index() @Column('text') status!: string;
  /** When the step that set `status` happened: steps reach us from two topics, so a late one must not set an older status. */
  @Column('timestamptz') statusAt!: Date;
  @Column('text') ownerKind!: string;
  /** Normalised (Persian ی/ک, ASCII digits) so that either spelling finds it. */
  @Column('text') ownerName!: string;
  @Index() @Column('text') ownerNationalId!: string;
  @Column('text') ownerMobile!: string;
  @Column('text') premisesKind!: string;
  @Column('text') address!: string;
  @Column('text') postalCode!: string;
  @Column('boolean') residential!: boolean;
  @Column('int', { nullable: true }) residentialUnits!: number | null;
  @Column('int') cameraCount!: number;
  @Column('jsonb') documents!: { kind: string; status: string; reference: string | null }[];
  @Column('jsonb', { default: () => "'[]'" }) refusalReasons!: string[];
  @Column('text', { nullable: true }) installationPermitId!: string | null;
  @Column('text', { nullable: true }) installationPermitNumber!: string | null;
  @Column('text', { nullable: true }) operationPermitNumber!: string | null;
  @Column('text', { nullable: true }) operationPermitKind!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) revokedPermitIds!: string[];
  @Column('timestamptz') openedAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}

/** One line of a file's history, whichever office took the step. */
@Entity({ name: 'rm_file_timeline' })
@Index(['fileId', 'at'])
export class TimelineEntryRow {
  @PrimaryColumn('uuid') eventId!: string;
  /** Arrival order: breaks ties between steps of the same instant (a register entry follows the signature it records). */
  @Column('bigint') @Generated('increment') seq?: string;
  @Column('uuid') fileId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') atJalali!: string;
  @Column('text') office!: 'union' | 'secretariat' | 'issuance';
  @Column('text') step!: string;
  @Column('text') summaryFa!: string;
  @Column('text') actorRole!: string;
  @Column('text') actorId!: string;
  /** The request that caused the step: one id across the offices for everything one click set off. */
  @Column('text', { default: '' }) correlationId!: string;
}
