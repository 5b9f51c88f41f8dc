import { LoggerService } from '@nestjs/common';

const PERSONAL_KEYS = /national|mobile|phone|address|postal|firstName|lastName|ownerName|representative/i;
// Ten or eleven digits standing alone (national and legal-entity IDs, postal codes) and Iranian mobiles;
// a run inside an id (letters, digits or dashes on either side, as in a UUID) is left alone.
const PERSONAL_VALUES = [/(?<![\w-])(\+98|0098|98|0)?9\d{9}(?![\w-])/g, /(?<![\w-])\d{10,11}(?![\w-])/g];

export const redact = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') {
    return PERSONAL_VALUES.reduce((text, pattern) => text.replace(pattern, '[redacted]'), value);
  }
  if (Array.isArray(value)) return depth > 5 ? '[…]' : value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 5) return '[…]';
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
};

/** One JSON line per log entry, personal data masked by key and by shape. */
export class RedactingLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]) { this.emit('info', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.emit('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.emit('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.emit('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.emit('verbose', message, rest); }

  private emit(level: string, message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.write(JSON.stringify({
      time: new Date().toISOString(),
      level,
      service: this.service,
      ...(context ? { context } : {}),
      message: redact(message instanceof Error ? message.message : message),
    }));
  }
}
