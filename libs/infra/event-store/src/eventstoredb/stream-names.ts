/**
 * One EventStoreDB holds a single $all for every service, where PostgreSQL
 * gives each service a schema of its own. A per-service prefix on stream
 * names gives the same separation: each service appends under its prefix and
 * follows only its own streams (its aggregates and its inbox).
 */
export class StreamNames {
  constructor(readonly prefix: string = '') {
    if (prefix.startsWith('$')) throw new Error(`A stream prefix must not start with "$" (system streams): ${prefix}`);
  }

  stored(streamId: string): string {
    if (streamId.startsWith(CLAIM_STREAM)) throw new Error(`Stream ids starting with "${CLAIM_STREAM}" are kept for event-id claims: ${streamId}`);
    return `${this.prefix}${streamId}`;
  }

  /** The claim stream of an event id (see event-id-claims.ts), under the prefix so it stays with the service. */
  claim(eventId: string): string {
    return `${this.prefix}${CLAIM_STREAM}${eventId.toLowerCase()}`;
  }

  /**
   * Our stream id for a stored name, or `null` when the stream is not ours
   * (another service's, a system stream, or a claim stream: claims are not
   * domain events, so `readAll` and the waiter skip them).
   */
  ours(storedName: string): string | null {
    if (isSystemName(storedName) || !storedName.startsWith(this.prefix)) return null;
    const streamId = storedName.slice(this.prefix.length);
    return streamId.startsWith(CLAIM_STREAM) ? null : streamId;
  }
}

const CLAIM_STREAM = 'eventid-';

/** EventStoreDB reserves "$" for its own streams and event types (metadata, statistics, projections, links). */
export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}
