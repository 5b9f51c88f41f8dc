/**
 * The address a request came from. Behind `trustedProxies` proxies that each
 * append the address they saw to X-Forwarded-For, the client is the entry that
 * many places from the right: entries further left were written by the client
 * itself and prove nothing. With no trusted proxy the header is ignored.
 */
export const clientAddress = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string => {
  const direct = socketAddress ?? 'unknown';
  if (trustedProxies <= 0 || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return direct;
  return hops[Math.max(0, hops.length - trustedProxies)].slice(0, 64);
};

/**
 * TRUST_PROXY: unset, empty, `0` or `false` — X-Forwarded-For is ignored;
 * `true` — one proxy in front; a number — that many proxies in front.
 */
export const trustedProxiesFrom = (value: string | undefined): number => {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === '0' || text === 'false' || text === 'no') return 0;
  if (text === 'true' || text === 'yes') return 1;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0 || count > 10) throw new Error(`TRUST_PROXY must be true, false or a number of proxies (0–10), got ${value}`);
  return count;
};
