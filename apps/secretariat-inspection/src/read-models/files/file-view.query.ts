import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { fold } from '@cctv/kernel';
import { CLOCK, Clock, OwnerRefs, Requester, RequestContext, UuidParam } from '@cctv/nest-common';
import { assertMayViewFile, operationStatus, secretariatFileDecider, type SecretariatFileEvent, type SecretariatFileState } from '@cctv/secretariat-domain';
import { fileNotFound } from '../../secretariat-file/file-not-found';
import { fileViewerOf } from '../../secretariat-file/file-viewer';
import { jalaliDay, lastValidDay } from '../../secretariat-file/jalali';
import { deficiencyView, labelOf, OPERATION_STATUS_FA, PERMIT_KIND_FA, PREMISES_KIND_FA, PURPOSE_FA } from '../../secretariat-file/labels-fa';
import { InspectionRow } from '../inspections/inspection.row';
import { CASE_STATUS_FA } from '../operation-requests/operation-requests.query';
import { OperationRequestRow } from '../operation-requests/operation-request.row';
import { OperationPermitRow } from '../permits/operation-permit.row';
import { PERMIT_STANDING_FA, permitStandingAt } from '../permits/permit-standing';
import { inspectionView } from '../views';
import { SecretariatFileRow } from './secretariat-file.row';

@Injectable()
export class FileViewQuery {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One file as the secretariat sees it now: its status worked out by the decider's own rules at this instant.
   * `authorize` refuses (throws) on the file's history before anything is answered, also for a file not here.
   */
  async one(fileId: string, authorize?: (file: { state: SecretariatFileState; history: SecretariatFileEvent[] }) => void) {
    const now = this.clock.now();
    const file = await this.db.getRepository(SecretariatFileRow).findOneBy({ fileId });
    const history = (file?.history ?? []) as SecretariatFileEvent[];
    const state = fold(secretariatFileDecider, history);
    authorize?.({ state, history });
    if (!file) throw fileNotFound(fileId);
    const [permits, inspections, cases] = await Promise.all([
      this.db.getRepository(OperationPermitRow).find({ where: { fileId }, order: { grantedAt: 'ASC' } }),
      this.db.getRepository(InspectionRow).find({ where: { fileId }, order: { scheduledFor: 'ASC' } }),
      this.db.getRepository(OperationRequestRow).find({ where: { fileId }, order: { receivedAt: 'ASC' } }),
    ]);
    const { status, ...statusDetail } = operationStatus(state, now);
    return {
      fileId: file.fileId,
      fileNumber: file.fileNumber,
      premisesKind: file.premisesKind,
      premisesKindFa: labelOf(PREMISES_KIND_FA, file.premisesKind),
      residential: file.residential,
      cameraCount: file.cameraCount,
      siteAddress: file.siteAddress,
      approvedAt: file.approvedAt.toISOString(),
      approvedAtJalali: jalaliDay(file.approvedAt),
      asOf: now.toISOString(),
      asOfJalali: jalaliDay(now),
      status,
      statusFa: OPERATION_STATUS_FA[status],
      statusDetail,
      installationPermit:
        file.installationPermitId && file.signedAt && file.installationValidUntil
          ? {
              permitId: file.installationPermitId,
              permitNumber: file.installationPermitNumber,
              hologramSerial: file.installationHologram,
              signedAt: file.signedAt.toISOString(),
              signedAtJalali: jalaliDay(file.signedAt),
              validUntil: file.installationValidUntil.toISOString(),
              validThroughJalali: lastValidDay(file.installationValidUntil),
              revoked: state.status === 'closed',
            }
          : null,
      operationPermits: permits.map((p) => {
        const standing = permitStandingAt(p, now);
        return {
          permitId: p.permitId,
          permitNumber: p.permitNumber,
          kind: p.kind,
          kindFa: PERMIT_KIND_FA[p.kind],
          hologramSerial: p.hologramSerial,
          inspectionId: p.inspectionId,
          grantedAt: p.grantedAt.toISOString(),
          grantedAtJalali: jalaliDay(p.grantedAt),
          validUntil: p.validUntil.toISOString(),
          validThroughJalali: p.validThroughJalali,
          standing,
          standingFa: PERMIT_STANDING_FA[standing],
          supersededBy: p.supersededBy,
          revocationReason: p.revocationReason,
          deficiencies: p.deficiencies.map(deficiencyView),
        };
      }),
      inspections: inspections.map(inspectionView),
      requests: cases.map((c) => ({
        caseId: c.caseId,
        purpose: c.purpose,
        purposeFa: PURPOSE_FA[c.purpose],
        status: c.status,
        statusFa: CASE_STATUS_FA[c.status],
        letterNumber: c.letterNumber,
        receivedAt: c.receivedAt.toISOString(),
        receivedAtJalali: jalaliDay(c.receivedAt),
      })),
    };
  }
}

@ApiTags('files')
@Controller('files')
export class FileViewController {
  constructor(
    private readonly query: FileViewQuery,
    @Inject(OwnerRefs) private readonly ownerRefs: OwnerRefs,
  ) {}

  @Get(':fileId')
  @ApiOperation({ summary: 'The secretariat’s view of one file: status now, installation and operation permits, inspections with findings' })
  @ApiForbiddenResponse({ description: 'not-your-file (owners: their own files only), not-assigned-to-file (inspectors: files they were sent to inspect)' })
  @ApiNotFoundResponse({ description: 'file-not-found' })
  one(@UuidParam('fileId') fileId: string, @Requester() requester: RequestContext) {
    const viewer = fileViewerOf(requester);
    return this.query.one(fileId, (file) => assertMayViewFile(viewer, file, this.ownerRefs.checkFor(fileId)));
  }
}
