import { END, START } from '@eventstore/db-client';
import { comparePositions, decodeEsdbPosition, encodeEsdbPosition, readAllStart, subscriptionStart } from './log-position';

describe('EventStoreDB log positions', () => {
  it('encode as "commit:prepare" and decode to the same pair', () => {
    const position = { commit: 1_234_567_890_123n, prepare: 1_234_567_890_001n };
    expect(encodeEsdbPosition(position)).toBe('1234567890123:1234567890001');
    expect(decodeEsdbPosition(encodeEsdbPosition(position))).toEqual(position);
  });

  it('keep offsets beyond what a JavaScript number holds exactly', () => {
    const big = { commit: 2n ** 60n + 1n, prepare: 2n ** 60n };
    expect(decodeEsdbPosition(encodeEsdbPosition(big))).toEqual(big);
  });

  it("refuse text that is not one of ours, such as a PostgreSQL adapter's checkpoint read by mistake", () => {
    expect(() => decodeEsdbPosition('')).toThrow(/EventStoreDB log position/);
    expect(() => decodeEsdbPosition('12')).toThrow();
    expect(() => decodeEsdbPosition('-1:-1')).toThrow();
    expect(() => decodeEsdbPosition('1:2:3')).toThrow();
  });

  it('order by commit first, then by prepare', () => {
    expect(comparePositions({ commit: 10n, prepare: 99n }, { commit: 11n, prepare: 0n })).toBeLessThan(0);
    expect(comparePositions({ commit: 10n, prepare: 5n }, { commit: 10n, prepare: 4n })).toBeGreaterThan(0);
    expect(comparePositions({ commit: 10n, prepare: 5n }, { commit: 10n, prepare: 5n })).toBe(0);
  });
});

describe('start positions: reads include their start, subscriptions begin after it', () => {
  const saved = { commit: 500n, prepare: 500n };

  it('a follower that never saved reads $all from the start and keeps every event', () => {
    const start = readAllStart(null);
    expect(start.fromPosition).toBe(START);
    expect(start.isPast({ commit: 0n, prepare: 0n })).toBe(true);
  });

  it('a follower restarting from a saved position reads from there but drops the event at it', () => {
    const start = readAllStart(saved);
    expect(start.fromPosition).toEqual(saved);
    expect(start.isPast(saved)).toBe(false);
    expect(start.isPast({ commit: 500n, prepare: 499n })).toBe(false);
    expect(start.isPast({ commit: 600n, prepare: 600n })).toBe(true);
  });

  it('a subscription from a known position is given that position unchanged, since the server starts after it', () => {
    expect(subscriptionStart(saved)).toEqual(saved);
  });

  it('a subscription with no known position waits for new events only', () => {
    expect(subscriptionStart(null)).toBe(END);
  });
});
