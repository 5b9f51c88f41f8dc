import { excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import { isSystemName, type StreamNames } from './stream-names';

/**
 * The server-side filter for following $all: with a prefix, only the service's
 * own streams (system streams never carry it); without one, everything but
 * system events. Applied on the server, so other services' traffic never
 * reaches this process.
 */
export function followFilter(names: StreamNames): Filter {
  return names.prefix === '' ? excludeSystemEvents() : streamNameFilter({ prefixes: [names.prefix] });
}

/** The same rule on the client: `readAll` of this client version has no server-side filter. */
export function isOurs(names: StreamNames, event: { readonly streamId: string; readonly type: string }): boolean {
  return !isSystemName(event.type) && names.ours(event.streamId) !== null;
}
