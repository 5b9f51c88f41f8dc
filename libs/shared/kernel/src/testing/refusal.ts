import { DomainError } from '../errors';

/** Runs an act that must be refused and returns the refusal, to inspect its field or messages. */
export const refusalOf = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but the act succeeded');
};
