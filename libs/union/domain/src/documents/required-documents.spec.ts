import { DEFAULT_DOCUMENT_POLICY, requiredDocumentsFor } from './required-documents';

describe('required documents (the default configuration)', () => {
  it('a residential shared building also needs the assembly approval', () => {
    expect(requiredDocumentsFor({ kind: 'shared-building', residential: true })).toEqual([
      'owner-national-id-card',
      'premises-right',
      'assembly-approval',
      'camera-plan',
      'installer-licence',
    ]);
  });

  it.each([
    { kind: 'shared-building', residential: false },
    { kind: 'public-place', residential: false },
  ] as const)('%p needs no assembly approval', (premises) => {
    const required = requiredDocumentsFor(premises);
    expect(required).not.toContain('assembly-approval');
    expect(required).toEqual(['owner-national-id-card', 'premises-right', 'camera-plan', 'installer-licence']);
  });

  it('the union can change the list by configuration', () => {
    const policy = { ...DEFAULT_DOCUMENT_POLICY, always: ['owner-national-id-card', 'camera-plan'] as const };
    expect(requiredDocumentsFor({ kind: 'public-place', residential: false }, policy)).toEqual([
      'owner-national-id-card',
      'camera-plan',
    ]);
  });
});
