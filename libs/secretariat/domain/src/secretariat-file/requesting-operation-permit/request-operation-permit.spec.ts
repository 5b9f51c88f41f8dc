import { specFor } from '@cctv/kernel/testing';
import type { RequestOperationPermit } from '../commands';
import type { SecretariatFileEvent } from '../events';
import { secretariatFileDecider } from '../secretariat-file.decider';
import {
  dates,
  DEFICIENCIES,
  FILE_ID,
  history,
  minus,
  queued,
  remediationReported,
  scheduled,
} from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const request = (now: Date, contactMobile = '+98 915 123 4567'): RequestOperationPermit => ({
  type: 'RequestOperationPermit',
  data: {
    fileId: FILE_ID,
    requestId: 'req-2',
    letterNumber: '۱۴۰۴/۵۱۲',
    siteAddress: '  مشهد،  خيابان كوهسنگي ',
    contactMobile,
    now,
  },
});
const refused: SecretariatFileEvent = {
  type: 'OperationPermitRefused',
  data: { fileId: FILE_ID, requestId: 'req-1', purpose: 'first', reasons: ['رضایت ساکنان نیست'], at: dates.recorded.toISOString() },
};
const revoked = (permitId: string, permitType: 'installation' | 'operation'): SecretariatFileEvent => ({
  type: 'PermitRevoked',
  data: { fileId: FILE_ID, permitId, permitType, reason: 'دوربین رو به منازل', at: '2025-06-01T06:00:00.000Z' },
});

describe('requesting the operation permit', () => {
  it('given a signed installation permit, the written request is recorded with the address and mobile in one spelling', () => {
    const now = dates.requested;
    spec
      .given(history.signed())
      .when(request(now))
      .then([
        {
          type: 'OperationPermitRequested',
          data: {
            fileId: FILE_ID,
            requestId: 'req-2',
            installationPermitId: 'ip-1',
            letterNumber: '1404/512',
            siteAddress: 'مشهد، خیابان کوهسنگی',
            contactMobile: '09151234567',
            at: now.toISOString(),
          },
        },
      ]);
  });

  it('given an installation permit not yet signed, the request is refused', () =>
    spec.given([queued()]).when(request(dates.requested)).thenThrows('installation-not-signed', 'conflict'));

  it('given an installation permit on its last valid instant, the request is accepted', () =>
    expect(spec.given(history.signed()).when(request(minus(dates.installationEnds, 1))).thenEvents()).toHaveLength(1));

  it('given an installation permit signed twelve months ago, the request is refused: the owner applies again at the union', () =>
    spec.given(history.signed()).when(request(dates.installationEnds)).thenThrows('installation-permit-lapsed', 'conflict'));

  it('given a revoked installation permit, the request is refused', () =>
    spec
      .given([...history.signed(), revoked('ip-1', 'installation')])
      .when(request(dates.requested))
      .thenThrows('installation-permit-revoked', 'conflict'));

  it('given a request being handled, a second request is refused', () =>
    spec.given(history.scheduled()).when(request(dates.recorded)).thenThrows('request-in-progress', 'conflict'));

  it('given a valid temporary permit, a second operation permit is not requested', () =>
    spec.given(history.temporary()).when(request(dates.granted)).thenThrows('operation-permit-in-force', 'conflict'));

  it('given a valid main permit, a second operation permit is not requested', () =>
    spec.given(history.main()).when(request(dates.granted)).thenThrows('operation-permit-in-force', 'conflict'));

  it('given a refusal, the owner may request again', () =>
    expect(spec.given([...history.recorded(DEFICIENCIES), refused]).when(request(dates.granted)).thenEvents()).toHaveLength(1));

  it('given a revoked operation permit and a valid installation permit, the owner may request again', () =>
    expect(
      spec.given([...history.temporary(), revoked('op-1', 'operation')]).when(request(new Date('2025-06-02T06:00:00Z'))).thenEvents(),
    ).toHaveLength(1));

  it('given a temporary permit that lapsed, the owner may request again while the installation permit is valid', () =>
    expect(spec.given(history.temporary()).when(request(dates.temporaryEnds)).thenEvents()).toHaveLength(1));

  it('given a temporary permit that lapsed with its re-inspection still pending, the owner may request again', () => {
    const reported = new Date('2025-10-20T06:00:00Z');
    expect(
      spec
        .given([...history.temporary(), remediationReported(reported), scheduled('reinspection', 'insp-2', reported)])
        .when(request(dates.temporaryEnds))
        .thenEvents(),
    ).toHaveLength(1);
  });

  it('an invalid mobile number is refused, naming the field', () =>
    expect(thrown(() => spec.given(history.signed()).when(request(dates.requested, '0915')).thenEvents())).toMatchObject({
      kind: 'invalid',
      code: 'invalid-mobile',
      field: 'contactMobile',
    }));

  it('a request without the site address is refused, naming the field', () => {
    const command = request(dates.requested);
    const withoutAddress: RequestOperationPermit = { ...command, data: { ...command.data, siteAddress: '  ' } };
    expect(thrown(() => spec.given(history.signed()).when(withoutAddress).thenEvents())).toMatchObject({
      kind: 'invalid',
      field: 'siteAddress',
    });
  });

  it('given a refusal and a lapse of the installation permit, the request is refused', () =>
    spec
      .given([...history.recorded(DEFICIENCIES), refused])
      .when(request(dates.installationEnds))
      .thenThrows('installation-permit-lapsed', 'conflict'));
});

