import type {
  Deficiency,
  InspectionPurpose,
  InspectionRecorded,
  InspectionScheduled,
  InstallationPermitSigned,
  InstallationQueuedForSigning,
  OperationPermitGranted,
  OperationPermitRequested,
  RemediationReported,
  RenewalRequested,
  SecretariatFileEvent,
} from '../events';

/**
 * One file's history on fixed dates, so that validity windows can be checked
 * against dates worked out by hand (Tehran is UTC+03:30 since 2022):
 * signed 1404/01/20 (2025-04-09) → the installation permit is valid through 1405/01/19;
 * permits granted 1404/02/10 (2025-04-30) → a temporary one is valid through
 * 1404/08/09 and no longer from 1404/08/10 = 2025-11-01 (the DOMAIN.md example),
 * a main one through 1406/02/09, no longer from 1406/02/10 = 2027-04-30.
 */
export const FILE_ID = 'file-1';
export const INSTALLATION_PERMIT_ID = 'ip-1';

export const dates = {
  queued: new Date('2025-04-05T06:00:00Z'),
  signed: new Date('2025-04-09T06:30:00Z'),
  requested: new Date('2025-04-15T06:00:00Z'),
  scheduled: new Date('2025-04-16T06:00:00Z'),
  inspectionDay: new Date('2025-04-28T05:30:00Z'),
  recorded: new Date('2025-04-28T08:00:00Z'),
  granted: new Date('2025-04-30T07:00:00Z'),
  /** Tehran midnight starting 1405/01/20: the installation permit is no longer valid. */
  installationEnds: new Date('2026-04-08T20:30:00Z'),
  /** Tehran midnight starting 1404/08/10: a temporary permit granted on `granted` has ended. */
  temporaryEnds: new Date('2025-10-31T20:30:00Z'),
  /** Tehran midnight starting 1406/02/10: a main permit granted on `granted` has ended. */
  mainEnds: new Date('2027-04-29T20:30:00Z'),
};

export const minus = (instant: Date, ms: number): Date => new Date(instant.getTime() - ms);
export const plusDays = (instant: Date, days: number): Date => new Date(instant.getTime() + days * 86_400_000);

export const DEFICIENCIES: readonly Deficiency[] = [
  { item: 'cctv-sign-posted', note: 'تابلوی هشدار در ورودی پارکینگ نصب نشده است' },
  { item: 'power-backup', note: 'یو‌پی‌اس ندارد' },
];

export const queued = (): InstallationQueuedForSigning => ({
  type: 'InstallationQueuedForSigning',
  data: {
    fileId: FILE_ID,
    fileNumber: '1404-000123',
    premisesKind: 'shared-building',
    residential: true,
    cameraCount: 6,
    approvedAt: '2025-04-05T05:00:00.000Z',
    at: dates.queued.toISOString(),
  },
});

export const signed = (): InstallationPermitSigned => ({
  type: 'InstallationPermitSigned',
  data: {
    fileId: FILE_ID,
    fileNumber: '1404-000123',
    installationPermitId: INSTALLATION_PERMIT_ID,
    hologramSerial: 'KR1404000001',
    validUntil: dates.installationEnds.toISOString(),
    validThrough: '1405/01/19',
    at: dates.signed.toISOString(),
  },
});

export const requested = (requestId = 'req-1', at = dates.requested): OperationPermitRequested => ({
  type: 'OperationPermitRequested',
  data: {
    fileId: FILE_ID,
    requestId,
    installationPermitId: INSTALLATION_PERMIT_ID,
    letterNumber: '1404/512',
    siteAddress: 'مشهد، بلوار وکیل‌آباد، مجتمع یاس',
    contactMobile: '09151234567',
    at: at.toISOString(),
  },
});

export const scheduled = (purpose: InspectionPurpose = 'first', inspectionId = 'insp-1', at = dates.scheduled): InspectionScheduled => ({
  type: 'InspectionScheduled',
  data: {
    fileId: FILE_ID,
    inspectionId,
    scheduledFor: plusDays(at, 2).toISOString(),
    inspectorIds: ['inspector-7'],
    purpose,
    reinspection: purpose === 'reinspection',
    at: at.toISOString(),
  },
});

export const recorded = (
  deficiencies: readonly Deficiency[],
  purpose: InspectionPurpose = 'first',
  inspectionId = 'insp-1',
  at = dates.recorded,
): InspectionRecorded => ({
  type: 'InspectionRecorded',
  data: {
    fileId: FILE_ID,
    inspectionId,
    purpose,
    passed: deficiencies.length === 0,
    findings: deficiencies.map(({ item, note }) => ({ item, passed: false, note })),
    deficiencies,
    at: at.toISOString(),
  },
});

export const grantedTemporary = (permitId = 'op-1', supersedesPermitId: string | null = null): OperationPermitGranted => ({
  type: 'OperationPermitGranted',
  data: {
    fileId: FILE_ID,
    permitId,
    installationPermitId: INSTALLATION_PERMIT_ID,
    inspectionId: 'insp-1',
    kind: 'temporary',
    hologramSerial: 'KR1404000002',
    deficiencies: DEFICIENCIES,
    supersedesPermitId,
    validUntil: dates.temporaryEnds.toISOString(),
    validThrough: '1404/08/09',
    at: dates.granted.toISOString(),
  },
});

export const grantedMain = (permitId = 'op-1'): OperationPermitGranted => ({
  type: 'OperationPermitGranted',
  data: {
    fileId: FILE_ID,
    permitId,
    installationPermitId: INSTALLATION_PERMIT_ID,
    inspectionId: 'insp-1',
    kind: 'main',
    hologramSerial: 'KR1404000002',
    deficiencies: [],
    supersedesPermitId: null,
    validUntil: dates.mainEnds.toISOString(),
    validThrough: '1406/02/09',
    at: dates.granted.toISOString(),
  },
});

export const remediationReported = (at: Date, permitId = 'op-1'): RemediationReported => ({
  type: 'RemediationReported',
  data: { fileId: FILE_ID, permitId, note: 'تابلو نصب و یو‌پی‌اس خریداری شد', at: at.toISOString() },
});

export const renewalRequested = (at: Date, permitId = 'op-1'): RenewalRequested => ({
  type: 'RenewalRequested',
  data: { fileId: FILE_ID, requestId: 'renewal-1', permitId, at: at.toISOString() },
});

export const history = {
  signed: (): SecretariatFileEvent[] => [queued(), signed()],
  requested: (): SecretariatFileEvent[] => [...history.signed(), requested()],
  scheduled: (): SecretariatFileEvent[] => [...history.requested(), scheduled()],
  recorded: (deficiencies: readonly Deficiency[]): SecretariatFileEvent[] => [...history.scheduled(), recorded(deficiencies)],
  temporary: (): SecretariatFileEvent[] => [...history.recorded(DEFICIENCIES), grantedTemporary()],
  main: (): SecretariatFileEvent[] => [...history.recorded([]), grantedMain()],
};
