import { refusalOf, specFor } from '@cctv/kernel/testing';
import type { ApproveInstallation, RefuseInstallation } from '../union-file/commands';
import { unionFileDecider } from '../union-file/decider';
import { fold } from '@cctv/kernel';
import {
  accepted,
  ALL_DOCUMENTS,
  allAccepted,
  approved,
  command,
  FILE_ID,
  fileOpened,
  iso,
  refused,
  requestedAgain,
  submitted,
} from '../testing/union-file.fixtures';

const spec = specFor(unionFileDecider);
const approve = command<ApproveInstallation>('ApproveInstallation', {});
const refuse = (reasons: readonly string[]) => command<RefuseInstallation>('RefuseInstallation', { reasons });

describe('approving the installation', () => {
  it('given every required document accepted, the union approves, stating what the secretariat needs', () => {
    spec
      .given([fileOpened(), ...allAccepted])
      .when(approve)
      .then([
        {
          type: 'InstallationApproved',
          data: {
            fileId: FILE_ID,
            fileNumber: 'U-1404-0001',
            premisesKind: 'shared-building',
            residential: true,
            residentialUnits: 12,
            cameraCount: 2,
            at: iso(5),
          },
        },
      ]);
  });

  it('a document asked for again, then submitted and accepted, counts as accepted', () => {
    const history = [
      fileOpened(),
      ...allAccepted.slice(0, -2),
      submitted('installer-licence'),
      requestedAgain('installer-licence', 3),
      submitted('installer-licence', 4),
      accepted('installer-licence', 4),
    ];
    expect(spec.given(history).when(approve).thenEvents().map((event) => event.type)).toEqual(['InstallationApproved']);
  });

  it('with documents still missing, submitted or asked for again, approval is refused naming each of them', () => {
    const history = [
      fileOpened(),
      submitted('owner-national-id-card'),
      accepted('owner-national-id-card'),
      submitted('premises-right'),
      requestedAgain('camera-plan'),
    ];
    const state = fold(unionFileDecider, history);
    const error = refusalOf(() => unionFileDecider.decide(approve, state));
    expect([error.kind, error.code]).toEqual(['conflict', 'documents-incomplete']);
    for (const kind of ALL_DOCUMENTS.filter((kind) => kind !== 'owner-national-id-card')) expect(error.message).toContain(kind);
    expect(error.message).not.toContain('owner-national-id-card');
    expect(error.messageFa).toContain('صورتجلسه مجمع عمومی');
  });

  it('a file never opened cannot be approved', () => {
    spec.given([]).when(approve).thenThrows('file-not-found', 'not-found');
  });

  it('an approved file is not approved twice', () => {
    spec.given([fileOpened(), ...allAccepted, approved]).when(approve).thenThrows('file-closed', 'conflict');
  });

  it('a refused file cannot be approved: the owner applies again with a new file', () => {
    spec.given([fileOpened(), ...allAccepted, refused]).when(approve).thenThrows('file-closed', 'conflict');
  });
});

describe('refusing the installation', () => {
  it('given an open file, the union refuses it with written reasons', () => {
    spec
      .given([fileOpened()])
      .when(refuse(['دوربین پارکینگ رو به پنجره واحد همسایه است', '  ']))
      .then([
        {
          type: 'InstallationRefused',
          data: {
            fileId: FILE_ID,
            fileNumber: 'U-1404-0001',
            reasons: ['دوربین پارکینگ رو به پنجره واحد همسایه است'],
            at: iso(5),
          },
        },
      ]);
  });

  it.each([[[]], [['', '   ']]])('a refusal without a written reason (%p) is refused', (reasons) => {
    spec.given([fileOpened()]).when(refuse(reasons)).thenThrows('reasons-required', 'invalid');
  });

  it('an approved file can no longer be refused', () => {
    spec.given([fileOpened(), ...allAccepted, approved]).when(refuse(['دیر شد'])).thenThrows('file-closed', 'conflict');
  });

  it('a file never opened cannot be refused', () => {
    spec.given([]).when(refuse(['x'])).thenThrows('file-not-found', 'not-found');
  });
});
