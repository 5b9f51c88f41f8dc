/**
 * A refusal by a rule of the domain. `kind` tells the edge which status to
 * answer with; `message` is English (logs, API), `messageFa` Persian (people).
 */
export type DomainErrorKind = 'invalid' | 'conflict' | 'not-found';

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
