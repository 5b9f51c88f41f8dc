import { parsePermitNumber, permitNumberFor } from './permit-number';

describe('permit numbers', () => {
  it('name the province, the kind, the Jalali year and a six-digit sequence', () => {
    expect(permitNumberFor('main', 1404, 123)).toBe('KR-OM-1404-000123');
    expect(permitNumberFor('temporary', 1404, 123)).toBe('KR-OT-1404-000123');
    expect(permitNumberFor('installation', 1405, 1)).toBe('KR-IN-1405-000001');
  });

  it.each([0, -1, 1.5, 1_000_000])('refuses the sequence %p', (sequence) => {
    expect(() => permitNumberFor('main', 1404, sequence)).toThrow(/sequence/);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => permitNumberFor('main', 404, 1)).toThrow(/year/);
  });

  it('reads back a number as typed by a person', () => {
    expect(parsePermitNumber(' kr-ot-1404-000123 ')).toEqual({ kind: 'temporary', jalaliYear: 1404, sequence: 123 });
  });

  it.each(['KR-XX-1404-000123', 'KR-OM-1404-123', 'KR-OM-1404-000000', 'TH-OM-1404-000123', ''])('does not read %p', (text) => {
    expect(parsePermitNumber(text)).toBeNull();
  });
});
