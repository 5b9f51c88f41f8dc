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
    return `${this.prefix}${streamId}`;
  }

  /** Our stream id for a stored name, or `null` when the stream is not ours (another service's, or a system stream). */
  ours(storedName: string): string | null {
    if (isSystemName(storedName) || !storedName.startsWith(this.prefix)) return null;
    return storedName.slice(this.prefix.length);
  }
}

/** EventStoreDB reserves "$" for its own streams and event types (metadata, statistics, projections, links). */
export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}
