import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AsciiDigits } from '@cctv/nest-common';
import { STATUS_FA } from './timeline-text';

/** Every status a file can be listed under: a status not among them is a mistake, not an empty list. */
export const FILE_STATUSES: readonly string[] = Object.keys(STATUS_FA);

export class FilesQueryDto {
  @ApiPropertyOptional({ enum: FILE_STATUSES })
  @IsOptional() @IsIn(FILE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'U-1404-000001' })
  @IsOptional() @AsciiDigits() @IsString() @Length(1, 40)
  fileNumber?: string;

  @ApiPropertyOptional({ description: 'owner national ID; Persian digits accepted' })
  @IsOptional() @AsciiDigits() @IsString() @Matches(/^\d{10,11}$/)
  nationalId?: string;

  @ApiPropertyOptional({ description: 'part of the owner’s name; ي/ی and ك/ک match either way' })
  @IsOptional() @IsString() @Length(2, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'part of the premises address' })
  @IsOptional() @IsString() @Length(2, 200)
  address?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: 1_000_000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  offset?: number;
}
