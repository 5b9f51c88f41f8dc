import type { IntegrationEvent } from '@cctv/contracts';
import { OFFICE_ROLES } from '@cctv/kernel';
import { isServiceName } from './service-names';

/** `<service>.<Name>.v<N>`, e.g. `union.InstallationApproved.v1`. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/**
 * The first thing wrong with a would-be envelope, or null. Problems name the
 * field, never its value: they end up in logs and dead-letter headers.
 */
export function envelopeProblem(candidate: unknown): string | null {
  if (!isObject(candidate)) return 'the value is not a JSON object';
  const e = candidate;
  // The event id becomes the inbox event's id, which the event store keeps as a UUID.
  if (typeof e.eventId !== 'string' || !UUID.test(e.eventId)) return 'eventId is missing or not a UUID';
  if (typeof e.type !== 'string' || !EVENT_TYPE_PATTERN.test(e.type)) return 'type is missing or not of the form <service>.<Name>.v<N>';
  if (!Number.isInteger(e.schemaVersion) || (e.schemaVersion as number) < 1) return 'schemaVersion is missing or not a positive integer';
  if (!isServiceName(e.source)) return 'source is missing or not a known service';
  if (!isText(e.aggregateId)) return 'aggregateId is missing or empty';
  if (typeof e.occurredAt !== 'string' || !ISO_UTC.test(e.occurredAt) || Number.isNaN(Date.parse(e.occurredAt))) {
    return 'occurredAt is missing or not an ISO-8601 UTC time';
  }
  if (!isText(e.correlationId)) return 'correlationId is missing or empty';
  if (e.causationId !== null && !isText(e.causationId)) return 'causationId is neither null nor an id';
  if (!isObject(e.actor) || !isText(e.actor.personId)) return 'actor.personId is missing or empty';
  if (!(OFFICE_ROLES as readonly unknown[]).includes(e.actor.role)) return 'actor.role is missing or not an office role';
  if (!isObject(e.data)) return 'data is missing or not an object';
  return null;
}

export function isIntegrationEvent(candidate: unknown): candidate is IntegrationEvent {
  return envelopeProblem(candidate) === null;
}
