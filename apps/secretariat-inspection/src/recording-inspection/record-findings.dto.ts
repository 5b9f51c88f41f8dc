import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class FindingDto {
  @ApiProperty({ description: 'Checklist item code', example: 'cctv-sign-posted' })
  @IsString() @Matches(/^[a-z0-9-]{2,60}$/)
  item!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ description: 'Required when the item failed: what is wrong', example: 'تابلوی هشدار در ورودی پارکینگ نصب نشده است' })
  @IsOptional() @IsString() @Length(0, 500)
  note?: string;
}

/** Every item of the file's checklist answered once (residents' consent only for residential buildings). */
export class RecordFindingsDto {
  @ApiProperty({ type: [FindingDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => FindingDto)
  findings!: FindingDto[];
}
