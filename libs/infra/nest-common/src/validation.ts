import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { toAsciiDigits } from '@cctv/kernel';

const PERSIAN: Record<string, string> = {
  isString: 'باید متن باشد',
  isNotEmpty: 'نباید خالی باشد',
  isInt: 'باید عدد صحیح باشد',
  isNumber: 'باید عدد باشد',
  isBoolean: 'باید درست یا نادرست باشد',
  isIn: 'مقدار مجاز نیست',
  isEnum: 'مقدار مجاز نیست',
  isUUID: 'شناسه معتبر نیست',
  isArray: 'باید فهرست باشد',
  arrayMinSize: 'تعداد موارد کمتر از حد لازم است',
  arrayMaxSize: 'تعداد موارد بیش از حد مجاز است',
  maxLength: 'طولانی‌تر از حد مجاز است',
  minLength: 'کوتاه‌تر از حد لازم است',
  min: 'کمتر از حد مجاز است',
  max: 'بیشتر از حد مجاز است',
  matches: 'قالب آن درست نیست',
  isDateString: 'تاریخ معتبر نیست',
  isISO8601: 'تاریخ معتبر نیست',
  whitelistValidation: 'این فیلد شناخته‌شده نیست',
  nestedValidation: 'ساختار آن درست نیست',
  isObject: 'باید شیء باشد',
  isDefined: 'الزامی است',
  isSingleLine: 'باید در یک سطر و بدون نویسه کنترلی باشد',
};

export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
  readonly messageFa: string;
}

const flatten = (errors: readonly ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{
          field,
          problems: Object.values(error.constraints),
          messageFa: `${field}: ${Object.keys(error.constraints).map((c) => PERSIAN[c] ?? 'معتبر نیست').join('، ')}`,
        }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Rejects unknown fields and wrong types with a 400 that names every offending field, in English and Persian. */
export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        error: 'validation-failed',
        message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '),
        messageFa: `اطلاعات فرم درست نیست — ${fields.map((f) => f.messageFa).join(' | ')}`,
        fields,
      });
    },
  });

/** Persian and Arabic-Indic digits are accepted wherever digits are expected; ASCII is stored. */
export const AsciiDigits = () =>
  Transform(({ value }) => (typeof value === 'string' ? toAsciiDigits(value).trim() : value));

/**
 * Names, addresses, references and numbers are one line of text: tab and line
 * breaks are refused here (other control and text-direction characters are
 * refused for every field before validation). Notes and reasons may keep them.
 */
export const SingleLine = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !/[\t\n\r\v\f\u0085\u2028\u2029]/.test(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a single line of text, without tabs or line breaks`,
      },
    },
    options,
  );
