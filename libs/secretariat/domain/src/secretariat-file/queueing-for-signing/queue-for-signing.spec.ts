import { specFor } from '@cctv/kernel/testing';
import type { QueueForSigning } from '../commands';
import { secretariatFileDecider } from '../secretariat-file.decider';
import { FILE_ID, history, queued } from '../testing/file-history';

const spec = specFor(secretariatFileDecider);
const now = new Date('2025-04-05T06:00:00Z');
const approval = (cameraCount = 6): QueueForSigning => ({
  type: 'QueueForSigning',
  data: {
    fileId: FILE_ID,
    fileNumber: ' 1404-000123 ',
    premisesKind: 'shared-building',
    residential: true,
    cameraCount,
    approvedAt: '2025-04-05T08:30:00+03:30',
    now,
  },
});

describe('queueing an approved installation for signing', () => {
  it("given the union's approval, the file waits at the secretariat for signing", () =>
    spec
      .given([])
      .when(approval())
      .then([
        {
          type: 'InstallationQueuedForSigning',
          data: {
            fileId: FILE_ID,
            fileNumber: '1404-000123',
            premisesKind: 'shared-building',
            residential: true,
            cameraCount: 6,
            approvedAt: '2025-04-05T05:00:00.000Z',
            at: now.toISOString(),
          },
        },
      ]));

  it('given a queued file, the same approval delivered again changes nothing', () =>
    spec.given([queued()]).when(approval()).then([]));

  it('given a signed file, a late repeat of the approval changes nothing', () =>
    spec.given(history.signed()).when(approval()).then([]));

  it('an approval without cameras is refused', () =>
    spec.given([]).when(approval(0)).thenThrows('invalid-camera-count', 'invalid'));
});
