import { INTEGRATION_SCHEMAS, schemaProblem } from './schemas';

describe('public integration event schemas', () => {
  it('publish no field that can hold a national ID, a phone number or an address', () => {
    const personal = /national|mobile|phone|address|postal|owner(Name|Id)|firstName|lastName/i;
    const offending = Object.entries(INTEGRATION_SCHEMAS).flatMap(([type, schema]) =>
      Object.keys(schema).filter((field) => personal.test(field)).map((field) => `${type}.${field}`),
    );
    expect(offending).toEqual([]);
  });

  it('accept data that fits and name the first field that does not', () => {
    const data = { fileId: 'f', documentKind: 'camera-plan', at: '2025-01-01T00:00:00Z' };
    expect(schemaProblem('union.DocumentAccepted.v1', data)).toBeNull();
    expect(schemaProblem('union.DocumentAccepted.v1', { ...data, documentKind: 3 })).toBe('field documentKind is not string');
    expect(schemaProblem('union.Nope.v1', data)).toBe('unknown event type union.Nope.v1');
    expect(schemaProblem('secretariat.InspectionRecorded.v1', {
      fileId: 'f', inspectionId: 'i', passed: false, deficiencies: [{ item: 'power-backup' }], at: 'x',
    })).toBe('field deficiencies is not deficiency[]');
  });
});
