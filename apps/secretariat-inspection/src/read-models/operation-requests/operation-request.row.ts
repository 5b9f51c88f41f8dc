import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CaseStatus = 'awaiting-inspection' | 'inspection-scheduled' | 'inspected' | 'granted' | 'refused' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['awaiting-inspection', 'inspection-scheduled', 'inspected', 'granted', 'refused', 'closed'];

/**
 * Something the secretariat must inspect: a written request, a remediation
 * report (re-inspection) or a renewal request. The site address and contact are
 * the secretariat's own office data and are shown only here and in its file view.
 */
@Entity({ name: 'rm_operation_requests' })
@Index(['status', 'receivedAt'])
export class OperationRequestRow {
  /** The request id, or for a re-inspection the id of the remediation report's event. */
  @PrimaryColumn('text') caseId!: string;
  @Index() @Column('uuid') fileId!: string;
  @Column('text') fileNumber!: string;
  @Column('text') purpose!: 'first' | 'reinspection' | 'renewal';
  @Column('text') status!: CaseStatus;
  @Column('text', { nullable: true }) letterNumber!: string | null;
  @Column('text', { nullable: true }) siteAddress!: string | null;
  @Column('text', { nullable: true }) contactMobile!: string | null;
  /** A re-inspection lives only as long as the temporary permit it would replace. */
  @Column('timestamptz', { nullable: true }) endsAt!: Date | null;
  @Column('text', { nullable: true }) inspectionId!: string | null;
  @Column('timestamptz') receivedAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
