/**
 * What the messaging code logs through. Plain strings, so a NestJS LoggerService
 * fits as it is. Callers only ever pass ids, types, topics, partitions and
 * offsets: message values may hold personal data and are never logged.
 */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export const consoleLogger = (prefix: string): MessagingLogger => ({
  log: (message) => console.log(`[${prefix}] ${message}`),
  warn: (message) => console.warn(`[${prefix}] ${message}`),
  error: (message) => console.error(`[${prefix}] ${message}`),
});

/** The message of an error, without its stack or anything attached to it. */
export const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
