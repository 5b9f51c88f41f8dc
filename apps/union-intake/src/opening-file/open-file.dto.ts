import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { AsciiDigits, SingleLine } from '@cctv/nest-common';
import { MAX_CAMERAS } from '@cctv/union-domain';

const TEXT = { min: 1, max: 200 };

export class OwnerDto {
  @ApiProperty({ enum: ['person', 'legal-entity'] })
  @IsIn(['person', 'legal-entity'])
  kind!: 'person' | 'legal-entity';

  @ApiProperty({ description: '10-digit national ID (person) or 11-digit legal-entity ID; Persian or Arabic digits accepted', example: '0013542419' })
  @AsciiDigits() @IsString() @Matches(/^\d{10,11}$/)
  nationalId!: string;

  @ApiPropertyOptional({ description: 'person only' })
  @ValidateIf((o: OwnerDto) => o.kind === 'person') @IsString() @SingleLine() @Length(TEXT.min, 100)
  firstName?: string;

  @ApiPropertyOptional({ description: 'person only' })
  @ValidateIf((o: OwnerDto) => o.kind === 'person') @IsString() @SingleLine() @Length(TEXT.min, 100)
  lastName?: string;

  @ApiPropertyOptional({ description: 'legal entity only' })
  @ValidateIf((o: OwnerDto) => o.kind === 'legal-entity') @IsString() @SingleLine() @Length(TEXT.min, TEXT.max)
  name?: string;

  @ApiPropertyOptional({ description: 'legal entity only' })
  @ValidateIf((o: OwnerDto) => o.kind === 'legal-entity') @IsString() @SingleLine() @Length(TEXT.min, 100)
  representativeName?: string;

  @ApiProperty({ example: '09121234567', description: '09…, +989… or 00989…; Persian digits accepted' })
  @AsciiDigits() @IsString() @SingleLine() @Length(10, 16)
  mobile!: string;
}

export class PremisesDto {
  @ApiProperty({ enum: ['shared-building', 'public-place'] })
  @IsIn(['shared-building', 'public-place'])
  kind!: 'shared-building' | 'public-place';

  @ApiProperty() @IsString() @SingleLine() @Length(5, 300)
  address!: string;

  @ApiProperty({ example: '9177948974' })
  @AsciiDigits() @IsString() @Matches(/^\d{10}$/)
  postalCode!: string;

  @ApiProperty() @IsBoolean()
  residential!: boolean;

  @ApiPropertyOptional({ description: 'number of residential units (≥ 2) for a residential shared building', nullable: true })
  @IsOptional() @IsInt() @Min(1) @Max(5000)
  residentialUnits?: number | null;
}

export class CameraDto {
  @ApiProperty() @IsString() @SingleLine() @Length(TEXT.min, TEXT.max)
  location!: string;

  @ApiProperty() @IsString() @SingleLine() @Length(TEXT.min, TEXT.max)
  fieldOfView!: string;
}

export class RecorderDto {
  @ApiProperty() @IsString() @SingleLine() @Length(TEXT.min, 100)
  model!: string;

  @ApiProperty({ minimum: 1, maximum: 365 }) @IsInt() @Min(1) @Max(365)
  retentionDays!: number;
}

export class PlannedSystemDto {
  @ApiProperty({ type: [CameraDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_CAMERAS) @ValidateNested({ each: true }) @Type(() => CameraDto)
  cameras!: CameraDto[];

  @ApiProperty({ type: RecorderDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RecorderDto)
  recorder!: RecorderDto;
}

export class InstallerDto {
  @ApiProperty() @IsString() @SingleLine() @Length(TEXT.min, TEXT.max)
  name!: string;

  @ApiProperty() @AsciiDigits() @IsString() @SingleLine() @Length(TEXT.min, 50)
  guildLicenceNumber!: string;
}

export class OpenFileDto {
  @ApiProperty({ type: OwnerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => OwnerDto)
  owner!: OwnerDto;

  @ApiProperty({ type: PremisesDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => PremisesDto)
  premises!: PremisesDto;

  @ApiProperty({ type: PlannedSystemDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => PlannedSystemDto)
  system!: PlannedSystemDto;

  @ApiProperty({ type: InstallerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => InstallerDto)
  installer!: InstallerDto;
}
