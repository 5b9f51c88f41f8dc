import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@cctv/service-runtime';
import { DecidingInstallationController } from './deciding-installation/deciding-installation.controller';
import { DocumentsController } from './documents/documents.controller';
import { OpenFileController } from './opening-file/open-file.controller';
import { FilesQueryController } from './read-models/files-query.controller';
import { UnionStatisticsController, UnionStatisticsQuery } from './statistics/union-statistics.query';
import { ExecuteUnionFileCommandHandler } from './union-file/execute-union-file-command';
import { unionIntakeDefinition } from './union-intake.definition';

@Module({
  imports: [ServiceRuntimeModule.forRoot(unionIntakeDefinition)],
  controllers: [OpenFileController, DocumentsController, DecidingInstallationController, FilesQueryController, UnionStatisticsController],
  providers: [ExecuteUnionFileCommandHandler, UnionStatisticsQuery],
})
export class UnionIntakeModule {}
