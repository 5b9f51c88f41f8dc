import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { AsciiDigits } from '@cctv/nest-common';

export class VerifyQueryDto {
  @ApiPropertyOptional({ example: 'KR-OM-1404-000123', description: 'Persian digits accepted' })
  @IsOptional() @AsciiDigits() @IsString() @Length(1, 40)
  permitNumber?: string;

  @ApiPropertyOptional({ example: 'KR1404000123', description: 'as printed on the sticker; spaces, dashes and Persian digits accepted' })
  @IsOptional() @AsciiDigits() @IsString() @Length(1, 40)
  hologramSerial?: string;
}

/** `GET /verify/{permitNumber}?hologramSerial=…`: what the verification page's form sends. */
export class VerifyHologramQueryDto {
  @ApiPropertyOptional({ example: 'KR1404000123', description: 'the serial on the permit\'s hologram, to check that it belongs to this permit' })
  @IsOptional() @AsciiDigits() @IsString() @Length(1, 40)
  hologramSerial?: string;
}
