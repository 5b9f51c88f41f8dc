import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { PermitKind, PermitStatus, PermitType } from '@cctv/issuance-domain';
import { PERMIT_STATUSES } from './register-status';

const KINDS: readonly PermitKind[] = ['installation', 'temporary', 'main'];
const TYPES: readonly PermitType[] = ['installation', 'operation'];

export class PermitsQueryDto {
  @ApiPropertyOptional({ enum: PERMIT_STATUSES, description: 'status at the moment of asking' })
  @IsOptional() @IsIn(PERMIT_STATUSES)
  status?: PermitStatus;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional() @IsIn(KINDS)
  kind?: PermitKind;

  @ApiPropertyOptional({ enum: TYPES })
  @IsOptional() @IsIn(TYPES)
  permitType?: PermitType;

  @ApiPropertyOptional({ description: 'the owner’s file at the union', format: 'uuid' })
  @IsOptional() @IsUUID()
  fileId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  offset?: number;
}
