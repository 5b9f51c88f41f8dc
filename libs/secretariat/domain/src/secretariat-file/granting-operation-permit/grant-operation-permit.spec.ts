import { specFor } from '@cctv/kernel/testing';
import type { GrantOperationPermit } from '../commands';
import type { Deficiency, SecretariatFileEvent } from '../events';
import { secretariatFileDecider } from '../secretariat-file.decider';
import {
  dates,
  DEFICIENCIES,
  FILE_ID,
  history,
  minus,
  recorded,
  remediationReported,
  renewalRequested,
  scheduled,
} from '../testing/file-history';

const spec = specFor(secretariatFileDecider);
const grant = (now: Date, permitId = 'op-2', hologramSerial = 'KR-1404-000003'): GrantOperationPermit => ({
  type: 'GrantOperationPermit',
  data: { fileId: FILE_ID, permitId, hologramSerial, now },
});

/** A temporary permit (granted 1404/02/10), a remediation report, and a re-inspection with these findings. */
const reinspected = (deficiencies: readonly Deficiency[], at = new Date('2025-07-20T06:00:00Z')): SecretariatFileEvent[] => [
  ...history.temporary(),
  remediationReported(at),
  scheduled('reinspection', 'insp-2', at),
  recorded(deficiencies, 'reinspection', 'insp-2', at),
];

/** A main permit (granted 1404/02/10), a renewal request in its last 60 days, and the renewal inspection. */
const renewalInspected = (deficiencies: readonly Deficiency[]): SecretariatFileEvent[] => {
  const at = new Date('2027-03-10T06:00:00Z');
  return [...history.main(), renewalRequested(at), scheduled('renewal', 'insp-2', at), recorded(deficiencies, 'renewal', 'insp-2', at)];
};

describe('granting the operation permit', () => {
  it('given a first inspection without deficiencies, a main permit is granted for two years (1404/02/10 → through 1406/02/09)', () =>
    spec
      .given(history.recorded([]))
      .when(grant(dates.granted, 'op-1'))
      .then([
        {
          type: 'OperationPermitGranted',
          data: {
            fileId: FILE_ID,
            permitId: 'op-1',
            installationPermitId: 'ip-1',
            inspectionId: 'insp-1',
            kind: 'main',
            hologramSerial: 'KR1404000003',
            deficiencies: [],
            supersedesPermitId: null,
            validUntil: '2027-04-29T20:30:00.000Z',
            validThrough: '1406/02/09',
            at: dates.granted.toISOString(),
          },
        },
      ]));

  it('given a first inspection with deficiencies, a temporary permit lists them, valid through 1404/08/09 when granted on 1404/02/10', () =>
    spec
      .given(history.recorded(DEFICIENCIES))
      .when(grant(dates.granted, 'op-1'))
      .then([
        {
          type: 'OperationPermitGranted',
          data: {
            fileId: FILE_ID,
            permitId: 'op-1',
            installationPermitId: 'ip-1',
            inspectionId: 'insp-1',
            kind: 'temporary',
            hologramSerial: 'KR1404000003',
            deficiencies: DEFICIENCIES,
            supersedesPermitId: null,
            validUntil: '2025-10-31T20:30:00.000Z',
            validThrough: '1404/08/09',
            at: dates.granted.toISOString(),
          },
        },
      ]));

  it('given a temporary permit, when re-inspection passes, a main permit supersedes it', () => {
    const now = new Date('2025-07-23T07:00:00Z'); // 1404/05/01
    expect(spec.given(reinspected([])).when(grant(now)).thenEvents()).toEqual([
      {
        type: 'OperationPermitGranted',
        data: {
          fileId: FILE_ID,
          permitId: 'op-2',
          installationPermitId: 'ip-1',
          inspectionId: 'insp-2',
          kind: 'main',
          hologramSerial: 'KR1404000003',
          deficiencies: [],
          supersedesPermitId: 'op-1',
          validUntil: '2027-07-22T20:30:00.000Z',
          validThrough: '1406/04/31',
          at: now.toISOString(),
        },
      },
    ]);
  });

  it('given a temporary permit on its last valid instant, a passed re-inspection still leads to a main permit', () =>
    expect(spec.given(reinspected([])).when(grant(minus(dates.temporaryEnds, 1))).thenEvents()).toMatchObject([
      { data: { kind: 'main', supersedesPermitId: 'op-1' } },
    ]));

  it('given a temporary permit that ended yesterday, granting after re-inspection is refused as lapsed', () =>
    spec
      .given(reinspected([], new Date('2025-10-28T06:00:00Z')))
      .when(grant(new Date('2025-11-01T07:00:00Z'))) // 1404/08/10; the last valid day 1404/08/09 was yesterday
      .thenThrows('temporary-permit-lapsed', 'conflict'));

  it('given a temporary permit, when re-inspection still finds deficiencies, no permit is granted: it is not extended or repeated', () =>
    spec
      .given(reinspected([DEFICIENCIES[0]]))
      .when(grant(new Date('2025-07-23T07:00:00Z')))
      .thenThrows('deficiencies-remain', 'conflict'));

  it('given a main permit, when the renewal inspection passes, a new main permit supersedes it', () => {
    const now = new Date('2027-04-25T07:00:00Z'); // 1406/02/05
    expect(spec.given(renewalInspected([])).when(grant(now)).thenEvents()).toMatchObject([
      {
        data: {
          kind: 'main',
          supersedesPermitId: 'op-1',
          deficiencies: [],
          validUntil: '2029-04-23T20:30:00.000Z',
          validThrough: '1408/02/04',
        },
      },
    ]);
  });

  it('given a main permit, when the renewal inspection finds deficiencies, a six-month temporary permit supersedes it', () => {
    const now = new Date('2027-04-25T07:00:00Z'); // 1406/02/05
    expect(spec.given(renewalInspected(DEFICIENCIES)).when(grant(now)).thenEvents()).toMatchObject([
      {
        data: {
          kind: 'temporary',
          supersedesPermitId: 'op-1',
          deficiencies: DEFICIENCIES,
          validUntil: '2027-10-26T20:30:00.000Z',
          validThrough: '1406/08/04',
        },
      },
    ]);
  });

  it('given a renewal asked for in time, the new permit is granted even after the old one has ended', () =>
    expect(spec.given(renewalInspected([])).when(grant(dates.mainEnds)).thenEvents()).toMatchObject([
      { data: { kind: 'main', supersedesPermitId: 'op-1' } },
    ]));

  it('given an inspection scheduled but not recorded, nothing can be granted yet', () =>
    spec.given(history.scheduled()).when(grant(dates.granted)).thenThrows('no-inspection-to-decide', 'conflict'));

  it('given a granted permit, granting again is refused', () =>
    spec.given(history.main()).when(grant(dates.granted)).thenThrows('no-inspection-to-decide', 'conflict'));

  it('a hologram already used in this file is refused', () =>
    spec.given(history.recorded([])).when(grant(dates.granted, 'op-1', 'kr 1404000001')).thenThrows('hologram-already-used', 'conflict'));

  it('a permit id already used in this file is refused', () =>
    spec.given(reinspected([])).when(grant(new Date('2025-07-23T07:00:00Z'), 'op-1')).thenThrows('permit-id-already-used', 'conflict'));

  it('a malformed hologram serial is refused', () =>
    spec.given(history.recorded([])).when(grant(dates.granted, 'op-1', 'none')).thenThrows('invalid-hologram-serial', 'invalid'));

  it('given a file whose installation permit was revoked, nothing is granted', () =>
    spec
      .given([
        ...history.recorded([]),
        { type: 'PermitRevoked', data: { fileId: FILE_ID, permitId: 'ip-1', permitType: 'installation', reason: 'مدارک جعلی', at: dates.granted.toISOString() } },
      ])
      .when(grant(dates.granted))
      .thenThrows('installation-permit-revoked', 'conflict'));
});

