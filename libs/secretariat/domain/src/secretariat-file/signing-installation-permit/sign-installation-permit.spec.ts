import { specFor } from '@cctv/kernel/testing';
import type { SignInstallationPermit } from '../commands';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { FILE_ID, history, queued } from '../testing/file-history';
import { thrown } from '../testing/thrown';

const spec = specFor(secretariatFileDecider);
const signing = (now: Date, hologramSerial = 'kr-1404-000001'): SignInstallationPermit => ({
  type: 'SignInstallationPermit',
  data: { fileId: FILE_ID, installationPermitId: 'ip-1', hologramSerial, now },
});

describe('signing the installation permit', () => {
  it('given a queued file, signing on 1404/01/20 makes the permit valid through 1405/01/19, with its hologram', () => {
    const now = new Date('2025-04-09T06:30:00Z');
    spec
      .given([queued()])
      .when(signing(now))
      .then([
        {
          type: 'InstallationPermitSigned',
          data: {
            fileId: FILE_ID,
            fileNumber: '1404-000123',
            installationPermitId: 'ip-1',
            hologramSerial: 'KR1404000001',
            validUntil: '2026-04-08T20:30:00.000Z',
            validThrough: '1405/01/19',
            at: now.toISOString(),
          },
        },
      ]);
  });

  it('a file the union has not approved cannot be signed', () =>
    spec.given([]).when(signing(new Date('2025-04-09T06:30:00Z'))).thenThrows('file-not-found', 'not-found'));

  it('given a signed file, signing again is refused', () =>
    spec
      .given(history.signed())
      .when(signing(new Date('2025-04-10T06:30:00Z'), 'KR1404000099'))
      .thenThrows('installation-already-signed', 'conflict'));

  it('a malformed hologram serial is refused, naming the field', () => {
    const error = thrown(() =>
      spec.given([queued()]).when(signing(new Date('2025-04-09T06:30:00Z'), '۱۲۳')).thenEvents(),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'invalid-hologram-serial', field: 'hologramSerial' });
  });
});
