import { specFor } from '@cctv/kernel/testing';
import type { RevokePermit } from '../commands';
import type { PermitRevoked } from '../events';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { dates, FILE_ID, grantedMain, history, queued, recorded, remediationReported, scheduled } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const now = new Date('2025-06-01T06:00:00Z');
const revoke = (permitId: string, at = now, reason = 'دوربین ۲ رو به حیاط همسايه است'): RevokePermit => ({
  type: 'RevokePermit',
  data: { fileId: FILE_ID, permitId, reason, now: at },
});
const revoked = (permitId: string, permitType: 'installation' | 'operation', at = now): PermitRevoked => ({
  type: 'PermitRevoked',
  data: { fileId: FILE_ID, permitId, permitType, reason: 'دوربین 2 رو به حیاط همسایه است', at: at.toISOString() },
});

describe('revoking a permit', () => {
  it('a reason made only of invisible characters is no reason', () =>
    spec.given(history.temporary()).when(revoke('op-1', now, '\u200b\u200c\u200b')).thenThrows('required', 'invalid'));

  it('given a current operation permit, the secretariat revokes it with a reason', () =>
    spec.given(history.temporary()).when(revoke('op-1')).then([revoked('op-1', 'operation')]));

  it('given a signed installation permit and no operation permit, revoking it closes the file', () => {
    spec.given(history.requested()).when(revoke('ip-1')).then([revoked('ip-1', 'installation')]);
    spec
      .given([...history.requested(), revoked('ip-1', 'installation')])
      .when({ type: 'ScheduleInspection', data: { fileId: FILE_ID, inspectionId: 'i', scheduledFor: '2025-06-02T10:00:00+03:30', inspectorIds: ['a'], now } })
      .thenThrows('installation-permit-revoked', 'conflict');
  });

  it('given a main permit in force, revoking the installation permit revokes the operation permit that rests on it', () =>
    spec.given(history.main()).when(revoke('ip-1')).then([revoked('op-1', 'operation'), revoked('ip-1', 'installation')]));

  it('given an operation permit that has already lapsed, revoking the installation permit revokes only that', () =>
    spec
      .given(history.temporary())
      .when(revoke('ip-1', dates.temporaryEnds))
      .then([revoked('ip-1', 'installation', dates.temporaryEnds)]));

  it('given a revoked temporary permit, its pending re-inspection stops', () => {
    const reported = new Date('2025-05-20T06:00:00Z');
    spec
      .given([...history.temporary(), remediationReported(reported), scheduled('reinspection', 'insp-2', reported), revoked('op-1', 'operation')])
      .when({
        type: 'RecordInspectionFindings',
        data: { fileId: FILE_ID, inspectionId: 'insp-2', recordedBy: 'inspector-7', findings: [{ item: 'power-backup', passed: true }], checklist: ['power-backup'], now },
      })
      .thenThrows('no-inspection-scheduled', 'conflict');
  });

  it('given a temporary permit superseded by a main one, the old permit has nothing left to revoke', () =>
    spec
      .given([
        ...history.temporary(),
        remediationReported(now),
        scheduled('reinspection', 'insp-2', now),
        recorded([], 'reinspection', 'insp-2', now),
        { ...grantedMain('op-2'), data: { ...grantedMain('op-2').data, hologramSerial: 'KR1404000003', supersedesPermitId: 'op-1' } },
      ])
      .when(revoke('op-1'))
      .thenThrows('permit-no-longer-valid', 'conflict'));

  it('given a main permit that has expired, it has nothing left to revoke', () =>
    spec.given(history.main()).when(revoke('op-1', dates.mainEnds)).thenThrows('permit-no-longer-valid', 'conflict'));

  it('given a revoked operation permit, revoking it again is refused', () =>
    spec.given([...history.temporary(), revoked('op-1', 'operation')]).when(revoke('op-1')).thenThrows('permit-revoked', 'conflict'));

  it('given a revoked installation permit, revoking it again is refused', () =>
    spec.given([...history.signed(), revoked('ip-1', 'installation')]).when(revoke('ip-1')).thenThrows('permit-revoked', 'conflict'));

  it('a permit that is not of this file is not found', () =>
    spec.given(history.main()).when(revoke('op-unknown')).thenThrows('permit-not-found', 'not-found'));

  it('given a file not yet signed, there is no permit to revoke', () =>
    spec.given([queued()]).when(revoke('ip-1')).thenThrows('installation-not-signed', 'conflict'));

  it('a revocation without a reason is refused, naming the field', () =>
    expect(thrown(() => spec.given(history.main()).when(revoke('op-1', now, '  ')).thenEvents())).toMatchObject({
      kind: 'invalid',
      field: 'reason',
    }));
});
