import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One site visit: who goes, on which Tehran day, and what they found. */
@Entity({ name: 'rm_inspections' })
export class InspectionRow {
  @PrimaryColumn('uuid') inspectionId!: string;
  @Index() @Column('uuid') fileId!: string;
  @Column('text') fileNumber!: string;
  @Column('text') purpose!: 'first' | 'reinspection' | 'renewal';
  @Column('timestamptz') scheduledFor!: Date;
  /** The Tehran calendar day of the visit, 'YYYY/MM/DD', for "who goes where today". */
  @Index() @Column('text') scheduledDay!: string;
  @Column('text', { array: true }) inspectorIds!: string[];
  @Column('text', { nullable: true }) siteAddress!: string | null;
  @Column('text') status!: 'scheduled' | 'recorded';
  @Column('boolean', { nullable: true }) passed!: boolean | null;
  @Column('jsonb', { default: () => "'[]'" }) findings!: { item: string; passed: boolean; note: string | null }[];
  @Column('timestamptz', { nullable: true }) recordedAt!: Date | null;
}
