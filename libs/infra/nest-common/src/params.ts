import { BadRequestException, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';

/** A path id that must be a UUID; a wrong one is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          error: 'validation-failed',
          field: name,
          message: `${name}: must be a UUID`,
          messageFa: `${name}: شناسه معتبر نیست`,
        }),
    }),
  );

/** A path value that must be one of a closed list. */
export const OneOfParam = (name: string, allowed: readonly string[]) =>
  Param(name, {
    transform(value: string) {
      if (!allowed.includes(value)) {
        throw new BadRequestException({
          error: 'validation-failed',
          field: name,
          message: `${name}: must be one of ${allowed.join(', ')}`,
          messageFa: `${name}: مقدار مجاز نیست`,
        });
      }
      return value;
    },
  } satisfies PipeTransform<string, string>);
