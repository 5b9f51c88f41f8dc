import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AsciiDigits, SingleLine } from '@cctv/nest-common';

/** The serial printed on the sticker; the registry keeps one spelling (upper case, no separators). */
export class HologramSerialDto {
  @ApiProperty({ description: '2–4 Latin letters then 6–10 digits; dashes, spaces and Persian digits accepted', example: 'KR-1404000123' })
  @AsciiDigits() @IsString() @SingleLine() @Length(8, 30)
  hologramSerial!: string;
}
