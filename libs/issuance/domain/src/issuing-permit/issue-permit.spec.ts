import { refusalOf, specFor } from '@cctv/kernel/testing';
import type { IssuePermit } from '../permit/commands';
import type { PermitIssued } from '../permit/events';
import { permitDecider } from '../permit/decider';
import { issueMain, issueTemporary, mainIssued, SIGNED_AT, superseded, temporaryIssued } from '../testing/permit.fixtures';

const spec = specFor(permitDecider);
const refusalOfIssuing = (command: IssuePermit) => refusalOf(() => permitDecider.decide(command, permitDecider.initialState));

describe('issuing a permit into the register', () => {
  it('a temporary permit signed on 1404/02/10 is valid through 1404/08/09 and ends at the Tehran midnight starting 1404/08/10', () => {
    spec.given([]).when(issueTemporary()).then([temporaryIssued]);
  });

  it('a main permit runs twenty-four Jalali months', () => {
    spec.given([]).when(issueMain()).then([mainIssued]);
  });

  it('an installation permit runs twelve months from the signature and lists no deficiencies', () => {
    const command = issueTemporary({
      permitId: 'p-inst',
      permitNumber: 'KR-IN-1404-000001',
      permitType: 'installation',
      kind: 'installation',
      deficiencies: [],
    });
    const [event] = spec.given([]).when(command).thenEvents() as PermitIssued[];
    // 1405/02/10 is 2026-04-30 (1404 has 365 days); Tehran midnight is 20:30Z the day before.
    expect(event.data).toMatchObject({ endDate: '1405/02/10', validThrough: '1405/02/09', validUntil: '2026-04-29T20:30:00.000Z' });
  });

  it('a main permit issued after re-inspection names the temporary permit it replaces', () => {
    const [event] = spec.given([]).when(issueMain({ supersedesPermitId: 'p-temp' })).thenEvents() as PermitIssued[];
    expect(event.data.supersedesPermitId).toBe('p-temp');
  });

  describe('repeated deliveries', () => {
    it('given the permit issued, the same issue again records nothing', () => {
      spec.given([temporaryIssued]).when(issueTemporary()).then([]);
    });

    it('the same issue is recognised when the stored event comes back with its keys in another order', () => {
      const data = Object.fromEntries(Object.entries(temporaryIssued.data).reverse());
      const reordered = { type: 'PermitIssued', data } as PermitIssued;
      spec.given([reordered]).when(issueTemporary()).then([]);
    });

    it('the same issue after the permit was superseded still records nothing', () => {
      spec
        .given([temporaryIssued, superseded(temporaryIssued, 'p-main', new Date('2025-07-01T06:00:00Z'))])
        .when(issueTemporary())
        .then([]);
    });

    it('a different hologram under an id already issued is a conflict', () => {
      spec
        .given([temporaryIssued])
        .when(issueTemporary({ hologramSerial: 'HG-0009999' }))
        .thenThrows('permit-already-issued', 'conflict');
    });

    it('a different signing time under an id already issued is a conflict', () => {
      const later = new Date(SIGNED_AT.getTime() + 60_000);
      spec
        .given([temporaryIssued])
        .when(issueTemporary({ issuedAt: later }))
        .thenThrows('permit-already-issued', 'conflict');
    });
  });

  describe('what a permit must say', () => {
    it.each([
      [
        'an installation permit of kind main',
        { permitType: 'installation', kind: 'main', permitNumber: 'KR-OM-1404-000001', deficiencies: [] },
      ],
      [
        'an operation permit of kind installation',
        { permitType: 'operation', kind: 'installation', permitNumber: 'KR-IN-1404-000001', deficiencies: [] },
      ],
    ] as const)('refuses %s', (_, overrides) => {
      expect(refusalOfIssuing(issueTemporary(overrides)).code).toBe('kind-mismatch');
    });

    it('a temporary permit exists because of deficiencies and must list them', () => {
      const error = refusalOfIssuing(issueTemporary({ deficiencies: [] }));
      expect([error.kind, error.code, error.field]).toEqual(['invalid', 'deficiencies-required', 'deficiencies']);
    });

    it('a main permit lists no deficiencies', () => {
      const error = refusalOfIssuing(issueMain({ deficiencies: [{ item: 'power-backup', note: '' }] }));
      expect(error.code).toBe('unexpected-deficiencies');
    });

    it('the number must be of the permit kind: a temporary permit does not carry a main number', () => {
      const error = refusalOfIssuing(issueTemporary({ permitNumber: 'KR-OM-1404-000007' }));
      expect([error.code, error.field]).toEqual(['invalid-permit-number', 'permitNumber']);
    });

    it('every permit carries a hologram', () => {
      expect(refusalOfIssuing(issueTemporary({ hologramSerial: ' ' })).field).toBe('hologramSerial');
    });

    it('an installation permit replaces no other permit', () => {
      const command = issueTemporary({
        permitType: 'installation',
        kind: 'installation',
        permitNumber: 'KR-IN-1404-000001',
        deficiencies: [],
        supersedesPermitId: 'p-old',
      });
      expect(refusalOfIssuing(command).code).toBe('invalid-supersedes');
    });

    it('a permit does not replace itself', () => {
      expect(refusalOfIssuing(issueMain({ supersedesPermitId: 'p-main' })).code).toBe('invalid-supersedes');
    });

    it('refuses an invalid signing time', () => {
      expect(refusalOfIssuing(issueMain({ issuedAt: new Date('not a date') })).field).toBe('issuedAt');
    });
  });
});
