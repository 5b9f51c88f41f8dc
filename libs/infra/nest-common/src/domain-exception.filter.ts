import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logRefusal } from './auth/refusal-log';
import { DomainError } from '@cctv/kernel';
import { WrongExpectedVersionError } from '@cctv/event-store';

const STATUS: Record<DomainError['kind'], number> = {
  invalid: HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.CONFLICT,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
};

const PERSIAN_HTTP: Record<number, string> = {
  400: 'درخواست نادرست است.',
  401: 'برای این درخواست باید وارد سامانه شوید.',
  403: 'اجازه این کار را ندارید.',
  404: 'مسیر یا پرونده پیدا نشد.',
  405: 'این روش برای این مسیر مجاز نیست.',
  413: 'حجم درخواست بیش از حد مجاز است.',
  415: 'نوع محتوای درخواست پشتیبانی نمی‌شود.',
  429: 'تعداد درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.',
};

/** Turns refusals into clear answers: 400 naming the field, 409 for conflicts, never a 500 for a rule. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (status === 401 || status === 403 || status === 429) logRefusal(host.switchToHttp().getRequest<Request>(), status, body.error);
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, Record<string, unknown>] {
    if (exception instanceof DomainError) {
      return [STATUS[exception.kind], {
        statusCode: STATUS[exception.kind],
        error: exception.code,
        message: exception.message,
        messageFa: exception.messageFa,
        ...(exception.field ? { field: exception.field } : {}),
      }];
    }
    if (exception instanceof WrongExpectedVersionError) {
      return [HttpStatus.CONFLICT, {
        statusCode: HttpStatus.CONFLICT,
        error: 'concurrent-change',
        message: 'The file was changed by someone else at the same time; reload and try again.',
        messageFa: 'پرونده هم‌زمان توسط کاربر دیگری تغییر کرد؛ دوباره بارگذاری و تلاش کنید.',
      }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const body = typeof raw === 'object' ? (raw as Record<string, unknown>) : { message: raw };
      return [status, { statusCode: status, ...body, messageFa: body.messageFa ?? PERSIAN_HTTP[status] ?? 'درخواست پذیرفته نشد.' }];
    }
    // Only the error's type and message are logged: bodies may carry personal data.
    this.logger.error(`Unhandled ${(exception as Error)?.name}: ${(exception as Error)?.message}`);
    return [HttpStatus.INTERNAL_SERVER_ERROR, {
      statusCode: 500,
      error: 'internal-error',
      message: 'Internal error',
      messageFa: 'خطای داخلی سامانه؛ لطفاً بعداً دوباره تلاش کنید.',
    }];
  }
}
