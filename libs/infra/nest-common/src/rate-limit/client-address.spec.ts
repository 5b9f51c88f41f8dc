import { clientAddress, trustedProxiesFrom } from './client-address';
import { rateLimitSettingsFrom } from './rate-limit.guard';

describe('the address a request came from', () => {
  it('is the socket’s address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('10.0.0.5', '1.1.1.1', 0)).toBe('10.0.0.5');
  });

  it('behind one trusted proxy, is the last X-Forwarded-For entry: the address that proxy saw', () => {
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ['6.6.6.6', '203.0.113.7'], 1)).toBe('203.0.113.7');
  });

  it('behind two, is the second from the right; a short or empty header falls back sensibly', () => {
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ' , ', 1)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, 1)).toBe('unknown');
  });

  it('TRUST_PROXY: unset or false trusts none, true one, a number that many; anything else stops the start', () => {
    expect(trustedProxiesFrom(undefined)).toBe(0);
    expect(trustedProxiesFrom('false')).toBe(0);
    expect(trustedProxiesFrom('true')).toBe(1);
    expect(trustedProxiesFrom('2')).toBe(2);
    expect(() => trustedProxiesFrom('everyone')).toThrow(/TRUST_PROXY/);
  });

  it('the limit comes from the environment with defaults, and a wrong value is refused by name', () => {
    const defaults = { perMinute: 60, burst: 20 };
    expect(rateLimitSettingsFrom({}, 'VERIFY_RATE_LIMIT', defaults)).toEqual({ perMinute: 60, burst: 20, trustedProxies: 0 });
    expect(rateLimitSettingsFrom({ VERIFY_RATE_LIMIT_PER_MINUTE: '5', VERIFY_RATE_LIMIT_BURST: '2', TRUST_PROXY: '1' }, 'VERIFY_RATE_LIMIT', defaults))
      .toEqual({ perMinute: 5, burst: 2, trustedProxies: 1 });
    expect(() => rateLimitSettingsFrom({ VERIFY_RATE_LIMIT_BURST: '0' }, 'VERIFY_RATE_LIMIT', defaults)).toThrow(/VERIFY_RATE_LIMIT_BURST/);
  });
});
