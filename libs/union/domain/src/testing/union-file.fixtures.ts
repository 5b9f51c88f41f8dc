import type { DocumentKind } from '../documents/document-kinds';
import type { OpenFile, UnionFileCommand } from '../union-file/commands';
import type { FileOpened, UnionFileEvent } from '../union-file/events';

/** Test data: a residential building of 12 units in Mashhad, owned by a person. */
export const FILE_ID = 'f-1';
export const at = (minute: number) => new Date(Date.UTC(2025, 3, 30, 6, minute));
export const iso = (minute: number) => at(minute).toISOString();

export const ALL_DOCUMENTS: readonly DocumentKind[] = [
  'owner-national-id-card',
  'premises-right',
  'assembly-approval',
  'camera-plan',
  'installer-licence',
];

export const openFileCommand = (overrides: Partial<OpenFile['data']> = {}): OpenFile => ({
  type: 'OpenFile',
  data: {
    fileId: FILE_ID,
    fileNumber: 'U-1404-0001',
    owner: { kind: 'person', nationalId: '0012345679', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567' },
    premises: {
      kind: 'shared-building',
      address: 'مشهد، بلوار سجاد، پلاک 12',
      postalCode: '9177948974',
      residential: true,
      residentialUnits: 12,
    },
    system: {
      cameras: [
        { location: 'ورودی لابی', fieldOfView: 'در ورودی و راهرو' },
        { location: 'پارکینگ', fieldOfView: 'رمپ پارکینگ' },
      ],
      recorder: { model: 'NVR-8', retentionDays: 30 },
    },
    installer: { name: 'فنی الکترونیک توس', guildLicenceNumber: '12345' },
    requiredDocuments: ALL_DOCUMENTS,
    now: at(0),
    ...overrides,
  },
});

/** The event an already-normalised application produces unchanged. */
export const fileOpened = (overrides: Partial<FileOpened['data']> = {}): FileOpened => {
  const { now, ...data } = openFileCommand().data;
  return { type: 'FileOpened', data: { ...data, at: now.toISOString(), ...overrides } };
};

export const submitted = (documentKind: DocumentKind, minute = 1): UnionFileEvent => ({
  type: 'DocumentSubmitted',
  data: { fileId: FILE_ID, documentKind, reference: `scan/${documentKind}.pdf`, at: iso(minute) },
});

export const accepted = (documentKind: DocumentKind, minute = 2): UnionFileEvent => ({
  type: 'DocumentAccepted',
  data: { fileId: FILE_ID, documentKind, at: iso(minute) },
});

export const requestedAgain = (documentKind: DocumentKind, minute = 2): UnionFileEvent => ({
  type: 'DocumentRequestedAgain',
  data: { fileId: FILE_ID, documentKind, reason: 'تصویر خوانا نیست', at: iso(minute) },
});

export const allAccepted: readonly UnionFileEvent[] = ALL_DOCUMENTS.flatMap((kind) => [submitted(kind), accepted(kind)]);

export const approved: UnionFileEvent = {
  type: 'InstallationApproved',
  data: {
    fileId: FILE_ID,
    fileNumber: 'U-1404-0001',
    premisesKind: 'shared-building',
    residential: true,
    residentialUnits: 12,
    cameraCount: 2,
    at: iso(10),
  },
};

export const refused: UnionFileEvent = {
  type: 'InstallationRefused',
  data: { fileId: FILE_ID, fileNumber: 'U-1404-0001', reasons: ['دوربین رو به پنجره همسایه است'], at: iso(10) },
};

export const command = <C extends UnionFileCommand>(type: C['type'], data: Omit<C['data'], 'fileId' | 'now'>, minute = 5) =>
  ({ type, data: { fileId: FILE_ID, now: at(minute), ...data } }) as C;
