import { createHash } from 'node:crypto';

// Our own namespace for name-based ids; changing it would change every id ever derived.
const CCTV_NAMESPACE = '5d0c8a52-3f1e-4c5b-9a57-2b8f0e6c1d43';

/** A name-based (version 5, SHA-1) UUID of `name` within `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The same parts always give the same id, so a reaction retried after a crash
 * appends events with the ids it used the first time and the store treats the
 * second append as a duplicate. Parts are length-prefixed, so ('ab','c') and
 * ('a','bc') differ.
 */
export function deterministicEventId(...parts: string[]): string {
  if (parts.length === 0) throw new Error('deterministicEventId needs at least one part');
  return uuidV5(CCTV_NAMESPACE, parts.map((p) => `${p.length}:${p}`).join('|'));
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}
