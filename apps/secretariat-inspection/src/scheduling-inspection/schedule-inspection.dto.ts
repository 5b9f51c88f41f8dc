import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { AsciiDigits, SingleLine } from '@cctv/nest-common';

export class ScheduleInspectionDto {
  @ApiProperty({
    description: 'ISO-8601 date-time with a zone, or a Jalali day YYYY/MM/DD (any digits) meaning 10:00 Tehran time that day',
    examples: ['2025-05-05T09:00:00+03:30', '۱۴۰۴/۰۲/۱۵'],
  })
  @AsciiDigits() @IsString() @SingleLine() @Length(8, 40)
  scheduledFor!: string;

  @ApiProperty({ type: [String], description: 'Office user ids of the inspectors', example: ['inspector-7'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @Matches(/^[A-Za-z0-9._@-]{1,64}$/, { each: true })
  inspectorIds!: string[];
}
