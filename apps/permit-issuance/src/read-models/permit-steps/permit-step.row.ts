import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step in a permit's life as the register recorded it: what, when, who, and the request that caused it. */
@Entity({ name: 'rm_permit_steps' })
export class PermitStepRow {
  /** The event's id: a step is recorded once however often the log is replayed. */
  @PrimaryColumn('text') eventId!: string;
  @Index() @Column('text') permitId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') step!: string;
  @Column('text') actorRole!: string;
  @Column('text') actorId!: string;
  @Column('text') correlationId!: string;
}
