/**
 * A refusal by a rule of the domain. `kind` tells the edge which status to
 * answer with; `message` is English (logs, API), `messageFa` Persian (people).
 */
export type DomainErrorKind = 'invalid' | 'conflict' | 'not-found' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly messageFa: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, messageFa: string, field?: string) =>
  new DomainError('invalid', code, message, messageFa, field);

export const conflict = (code: string, message: string, messageFa: string) =>
  new DomainError('conflict', code, message, messageFa);

export const notFound = (code: string, message: string, messageFa: string) =>
  new DomainError('not-found', code, message, messageFa);

/** The person may hold the right role and still not touch this: someone else's file, an inspection not theirs. */
export const forbidden = (code: string, message: string, messageFa: string) =>
  new DomainError('forbidden', code, message, messageFa);
