import { fold } from '@cctv/kernel';
import type { SecretariatFileEvent } from './events';
import { operationStatus } from './operation-status';
import { secretariatFileDecider } from './secretariat-file.decider';
import {
  dates,
  DEFICIENCIES,
  FILE_ID,
  history,
  minus,
  queued,
  recorded,
  remediationReported,
  renewalRequested,
  requested,
  scheduled,
} from './testing/file-history';

const statusAt = (events: readonly SecretariatFileEvent[], now: Date) =>
  operationStatus(fold(secretariatFileDecider, events), now);
const revoked = (permitId: string, permitType: 'installation' | 'operation'): SecretariatFileEvent => ({
  type: 'PermitRevoked',
  data: { fileId: FILE_ID, permitId, permitType, reason: 'تخلف', at: '2025-06-01T06:00:00.000Z' },
});
const reported = new Date('2025-07-01T06:00:00Z');

describe('where a file stands', () => {
  it('an unknown file is not queued', () => expect(statusAt([], dates.queued)).toEqual({ status: 'not-queued' }));

  it('an approved installation awaits the signature', () =>
    expect(statusAt([queued()], dates.queued)).toEqual({ status: 'awaiting-signature' }));

  it('a signed installation permit counts its days down until the operation permit is requested', () =>
    expect(statusAt(history.signed(), dates.signed)).toMatchObject({ status: 'signed', installationPermitId: 'ip-1', daysLeft: 365 }));

  it('an installation permit with no request after twelve months has lapsed', () =>
    expect(statusAt(history.signed(), dates.installationEnds)).toEqual({ status: 'installation-lapsed', installationPermitId: 'ip-1' }));

  it('a request awaits its inspection', () =>
    expect(statusAt(history.requested(), dates.requested)).toEqual({ status: 'awaiting-inspection', purpose: 'first', currentPermit: null }));

  it('a scheduled inspection shows when and by whom', () =>
    expect(statusAt(history.scheduled(), dates.scheduled)).toMatchObject({
      status: 'inspection-scheduled',
      inspectionId: 'insp-1',
      inspectorIds: ['inspector-7'],
    }));

  it('a recorded inspection awaits the decision, with what it found', () =>
    expect(statusAt(history.recorded(DEFICIENCIES), dates.recorded)).toMatchObject({
      status: 'awaiting-decision',
      deficiencies: DEFICIENCIES,
    }));

  it('a temporary permit shows its days left and its deficiencies', () =>
    expect(statusAt(history.temporary(), new Date('2025-10-01T06:00:00Z'))).toEqual({
      status: 'temporary',
      permit: { permitId: 'op-1', kind: 'temporary', validUntil: dates.temporaryEnds.toISOString(), daysLeft: 31 },
      deficiencies: DEFICIENCIES,
      expiring: false,
    }));

  it('a temporary permit in its last thirty days is expiring', () =>
    expect(statusAt(history.temporary(), new Date('2025-10-02T06:00:00Z'))).toMatchObject({ status: 'temporary', expiring: true }));

  it('a temporary permit whose six months ran out has lapsed', () =>
    expect(statusAt(history.temporary(), dates.temporaryEnds)).toEqual({ status: 'lapsed', permitId: 'op-1' }));

  it('a pending re-inspection shows the temporary permit it would replace', () =>
    expect(statusAt([...history.temporary(), remediationReported(reported)], reported)).toMatchObject({
      status: 'awaiting-inspection',
      purpose: 'reinspection',
      currentPermit: { permitId: 'op-1', kind: 'temporary' },
    }));

  it('a pending re-inspection does not keep a temporary permit alive', () =>
    expect(statusAt([...history.temporary(), remediationReported(reported)], dates.temporaryEnds)).toEqual({
      status: 'lapsed',
      permitId: 'op-1',
    }));

  it('after a failed re-inspection the temporary permit runs on, listing what is still deficient', () => {
    const remaining = [{ item: 'power-backup', note: 'هنوز یو‌پی‌اس ندارد' }];
    const events = [
      ...history.temporary(),
      remediationReported(reported),
      scheduled('reinspection', 'insp-2', reported),
      recorded(remaining, 'reinspection', 'insp-2', reported),
    ];
    expect(statusAt(events, reported)).toMatchObject({ status: 'temporary', deficiencies: remaining });
  });

  it('a main permit is renewable in its last sixty days and expiring in its last thirty', () => {
    expect(statusAt(history.main(), minus(dates.mainEnds, 61 * 86_400_000))).toMatchObject({
      status: 'main',
      renewable: false,
      expiring: false,
    });
    expect(statusAt(history.main(), minus(dates.mainEnds, 45 * 86_400_000))).toMatchObject({
      status: 'main',
      renewable: true,
      expiring: false,
    });
    expect(statusAt(history.main(), minus(dates.mainEnds, 10 * 86_400_000))).toMatchObject({
      status: 'main',
      renewable: true,
      expiring: true,
    });
  });

  it('a main permit past its end has expired', () =>
    expect(statusAt(history.main(), dates.mainEnds)).toEqual({ status: 'expired', permitId: 'op-1' }));

  it('a renewal under way shows the main permit it renews', () => {
    const asked = new Date('2027-03-10T06:00:00Z');
    expect(statusAt([...history.main(), renewalRequested(asked)], asked)).toMatchObject({
      status: 'awaiting-inspection',
      purpose: 'renewal',
      currentPermit: { permitId: 'op-1', kind: 'main' },
    });
  });

  it('a refused request shows the reasons, until the owner requests again', () => {
    const refused: SecretariatFileEvent = {
      type: 'OperationPermitRefused',
      data: { fileId: FILE_ID, requestId: 'req-1', purpose: 'first', reasons: ['رضایت ساکنان نیست'], at: dates.granted.toISOString() },
    };
    const events = [...history.recorded(DEFICIENCIES), refused];
    expect(statusAt(events, dates.granted)).toEqual({ status: 'refused', purpose: 'first', reasons: ['رضایت ساکنان نیست'] });
    expect(statusAt([...events, requested('req-2', dates.granted)], dates.granted)).toMatchObject({ status: 'awaiting-inspection' });
  });

  it('a new request after a lapse leaves the lapsed permit behind', () =>
    expect(statusAt([...history.temporary(), requested('req-2', dates.temporaryEnds)], dates.temporaryEnds)).toEqual({
      status: 'awaiting-inspection',
      purpose: 'first',
      currentPermit: null,
    }));

  it('a revoked operation permit shows the reason', () =>
    expect(statusAt([...history.main(), revoked('op-1', 'operation')], dates.granted)).toEqual({
      status: 'revoked',
      permitType: 'operation',
      permitId: 'op-1',
      reason: 'تخلف',
    }));

  it('a revoked installation permit closes the file', () =>
    expect(statusAt([...history.requested(), revoked('ip-1', 'installation')], dates.requested)).toMatchObject({
      status: 'revoked',
      permitType: 'installation',
    }));
});
