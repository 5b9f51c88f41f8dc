import { deterministicEventId, uuidV5 } from './deterministic-event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministic event ids', () => {
  it('follow the published version-5 vector (DNS namespace, "python.org")', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('a reaction retried with the same inputs derives the same id', () => {
    expect(deterministicEventId('issuance', 'evt-1', '0')).toBe(deterministicEventId('issuance', 'evt-1', '0'));
  });

  it('different inputs, including the same text split differently, derive different ids', () => {
    const ids = new Set([
      deterministicEventId('ab', 'c'),
      deterministicEventId('a', 'bc'),
      deterministicEventId('abc'),
      deterministicEventId('ab', 'c', ''),
    ]);
    expect(ids.size).toBe(4);
  });

  it('are well-formed version-5 UUIDs', () => {
    expect(deterministicEventId('x')).toMatch(UUID_V5);
  });

  it('refuse to derive an id from nothing', () => {
    expect(() => deterministicEventId()).toThrow();
  });
});
