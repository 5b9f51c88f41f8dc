/**
 * Some of the appended event ids are already stored, but not as this exact
 * append (another stream, other positions, or only part of the batch). That is
 * a bug in how ids are made, not a retry, so it is never silently ignored.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream ${streamId}: event ids already stored elsewhere: ${eventIds.join(', ')}`);
    this.name = 'EventIdConflictError';
  }
}
