import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SingleLine } from '@cctv/nest-common';

export class SubmitDocumentDto {
  @ApiProperty({ description: 'Reference of the stored scan (archive id or file name)', example: 'scan-2025-000123.pdf' })
  @IsString() @SingleLine() @Length(1, 200)
  reference!: string;
}

export class RequestDocumentAgainDto {
  @ApiProperty({ description: 'Why: missing or unreadable', example: 'تصویر ناخوانا است' })
  @IsString() @Length(1, 500)
  reason!: string;
}
