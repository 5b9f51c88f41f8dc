import type { IntegrationEvent } from '@cctv/contracts';
import { envelopeProblem } from './envelope-problem';

export type ParsedEnvelope =
  | { readonly ok: true; readonly event: IntegrationEvent }
  | { readonly ok: false; readonly reason: string };

/** Decodes a message value received from the bus. Never throws. */
export function parseEnvelope(value: Buffer | string | null): ParsedEnvelope {
  if (value === null || value.length === 0) return { ok: false, reason: 'the message has no value' };
  let candidate: unknown;
  try {
    candidate = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    // The parser's own message quotes the input, which may be personal data.
    return { ok: false, reason: 'the value is not valid JSON' };
  }
  const problem = envelopeProblem(candidate);
  return problem === null ? { ok: true, event: candidate as IntegrationEvent } : { ok: false, reason: problem };
}

export const encodeEnvelope = (event: IntegrationEvent): string => JSON.stringify(event);
