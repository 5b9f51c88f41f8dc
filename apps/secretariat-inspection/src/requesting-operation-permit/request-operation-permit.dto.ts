import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AsciiDigits, SingleLine } from '@cctv/nest-common';

/** The owner's written request; the address and the phone stay inside the secretariat. */
export class RequestOperationPermitDto {
  @ApiProperty({ description: 'Number of the owner’s written request at the secretariat', example: '۱۴۰۴/۵۱۲' })
  @AsciiDigits() @IsString() @SingleLine() @Length(1, 60)
  letterNumber!: string;

  @ApiProperty({ description: 'Where the system is installed, for the inspectors’ visit', example: 'مشهد، بلوار وکیل‌آباد، مجتمع یاس' })
  @IsString() @SingleLine() @Length(5, 300)
  siteAddress!: string;

  @ApiProperty({ description: 'Mobile to arrange the visit: 09…, +989…; Persian digits accepted', example: '09151234567' })
  @AsciiDigits() @IsString() @SingleLine() @Length(10, 16)
  contactMobile!: string;
}
