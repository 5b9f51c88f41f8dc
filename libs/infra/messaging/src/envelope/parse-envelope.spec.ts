import { sampleEvent } from '../testing/sample-event';
import { parseEnvelope } from './parse-envelope';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));
const without = (field: string) => {
  const { [field]: _dropped, ...rest } = sampleEvent('file-1', 1) as unknown as Record<string, unknown>;
  return rest;
};

describe('reading an integration event off the bus', () => {
  it('a well-formed envelope is accepted as it is', () => {
    const event = sampleEvent('file-1', 1);
    expect(parseEnvelope(encode(event))).toEqual({ ok: true, event });
  });

  it.each(['eventId', 'type', 'schemaVersion', 'source', 'aggregateId', 'occurredAt', 'correlationId', 'causationId', 'actor', 'data'])(
    'an envelope without %s is refused, naming the field',
    (field) => {
      const parsed = parseEnvelope(encode(without(field)));
      expect(parsed).toEqual({ ok: false, reason: expect.stringContaining(field) });
    },
  );

  it.each(['InstallationApproved', 'union.installationApproved.v1', 'union.InstallationApproved', 'union.InstallationApproved.v0', 'Union.X.v1'])(
    'a type that is not <service>.<Name>.v<N> (%s) is refused',
    (type) => {
      expect(parseEnvelope(encode({ ...sampleEvent('file-1', 1), type }))).toMatchObject({ ok: false, reason: expect.stringContaining('type') });
    },
  );

  it('a type like secretariat-office.PermitSigned.v12 is of the right form', () => {
    expect(parseEnvelope(encode({ ...sampleEvent('f', 1), type: 'secretariat-office.PermitSigned.v12' })).ok).toBe(true);
  });

  it.each([
    ['eventId', 'not-a-uuid'],
    ['schemaVersion', 0],
    ['source', 'billing'],
    ['aggregateId', '  '],
    ['occurredAt', '2026-01-01 08:00'],
    ['causationId', 42],
    ['actor', { personId: 'clerk-7', role: 'janitor' }],
    ['data', [1, 2]],
  ])('an envelope whose %s is wrong is refused', (field, value) => {
    expect(parseEnvelope(encode({ ...sampleEvent('f', 1), [field]: value }))).toEqual({ ok: false, reason: expect.stringContaining(field as string) });
  });

  it('a value that is not JSON is refused without quoting the value', () => {
    const parsed = parseEnvelope(Buffer.from('national id 0012345678'));
    expect(parsed).toEqual({ ok: false, reason: 'the value is not valid JSON' });
  });

  it('an empty value and a tombstone are refused', () => {
    expect(parseEnvelope(Buffer.alloc(0)).ok).toBe(false);
    expect(parseEnvelope(null).ok).toBe(false);
  });

  it('JSON that is not an object is refused', () => {
    expect(parseEnvelope(Buffer.from('[1,2,3]'))).toEqual({ ok: false, reason: 'the value is not a JSON object' });
  });
});
