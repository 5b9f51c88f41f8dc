import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@cctv/service-runtime';
import { GrantOperationPermitController } from './granting-operation-permit/grant-operation-permit.controller';
import { GrantOperationPermitHandler } from './granting-operation-permit/grant-operation-permit.handler';
import { FileViewController, FileViewQuery } from './read-models/files/file-view.query';
import { InspectionsController, InspectionsQuery } from './read-models/inspections/inspections.query';
import { OperationRequestsController, OperationRequestsQuery } from './read-models/operation-requests/operation-requests.query';
import { PermitsController, PermitsQuery } from './read-models/permits/permits.query';
import { SigningQueueController, SigningQueueQuery } from './read-models/signing-queue/signing-queue.query';
import { RecordFindingsController } from './recording-inspection/record-findings.controller';
import { RecordFindingsHandler } from './recording-inspection/record-findings.handler';
import { RefuseOperationPermitController } from './refusing-operation-permit/refuse-operation-permit.controller';
import { ReportRemediationController } from './reporting-remediation/report-remediation.controller';
import { RequestOperationPermitController } from './requesting-operation-permit/request-operation-permit.controller';
import { RequestRenewalController } from './requesting-renewal/request-renewal.controller';
import { RevokePermitController } from './revoking-permit/revoke-permit.controller';
import { ScheduleInspectionController } from './scheduling-inspection/schedule-inspection.controller';
import { ExecuteSecretariatFileCommandHandler } from './secretariat-file/execute-secretariat-file-command';
import { secretariatInspectionDefinition } from './secretariat-inspection.definition';
import { SignInstallationPermitController } from './signing-installation-permit/sign-installation-permit.controller';
import { SignInstallationPermitHandler } from './signing-installation-permit/sign-installation-permit.handler';
import { SecretariatStatisticsController, SecretariatStatisticsQuery } from './statistics/secretariat-statistics.query';

@Module({
  imports: [ServiceRuntimeModule.forRoot(secretariatInspectionDefinition)],
  controllers: [
    SignInstallationPermitController,
    RequestOperationPermitController,
    ScheduleInspectionController,
    RecordFindingsController,
    GrantOperationPermitController,
    RefuseOperationPermitController,
    ReportRemediationController,
    RequestRenewalController,
    RevokePermitController,
    SigningQueueController,
    OperationRequestsController,
    InspectionsController,
    PermitsController,
    FileViewController,
    SecretariatStatisticsController,
  ],
  providers: [
    ExecuteSecretariatFileCommandHandler,
    SignInstallationPermitHandler,
    RecordFindingsHandler,
    GrantOperationPermitHandler,
    SigningQueueQuery,
    OperationRequestsQuery,
    InspectionsQuery,
    PermitsQuery,
    FileViewQuery,
    SecretariatStatisticsQuery,
  ],
})
export class SecretariatInspectionModule {}
