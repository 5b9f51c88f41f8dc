import { EventIdConflictError } from '@cctv/event-store';

/** Thrown by a consumer's own check: this message can never be handled, retrying will not help. */
export class PermanentMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PermanentMessageError';
  }
}

/**
 * Errors that say "this message is wrong", as opposed to "the world is not
 * ready" (database down, broker away), which are retried instead.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentMessageError || error instanceof EventIdConflictError) return true;
  // PostgreSQL's class 22, data exception: e.g. text jsonb cannot store. The same bytes will fail again.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
