import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file the union approved that waits for the secretariat's signature. */
@Entity({ name: 'rm_signing_queue' })
export class SigningQueueRow {
  @PrimaryColumn('uuid') fileId!: string;
  @Column('text') fileNumber!: string;
  @Column('text') premisesKind!: string;
  @Column('boolean') residential!: boolean;
  @Column('int') cameraCount!: number;
  @Column('timestamptz') approvedAt!: Date;
  @Index() @Column('timestamptz') queuedAt!: Date;
}
