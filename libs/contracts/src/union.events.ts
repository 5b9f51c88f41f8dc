/** Public events of the union intake office, on topic `union.files.v1`. No owner identity, phone or address. */
export type PremisesKind = 'shared-building' | 'public-place';

export interface UnionFileOpenedV1 {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly premisesKind: PremisesKind;
  readonly residential: boolean;
  readonly residentialUnits: number | null;
  readonly cameraCount: number;
  readonly ownerKind: 'person' | 'legal-entity';
  readonly at: string;
}

export interface UnionDocumentStepV1 {
  readonly fileId: string;
  readonly documentKind: string;
  readonly at: string;
}

export interface UnionDocumentRequestedAgainV1 extends UnionDocumentStepV1 {
  readonly reason: string;
}

export interface UnionInstallationApprovedV1 {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly premisesKind: PremisesKind;
  readonly residential: boolean;
  readonly residentialUnits: number | null;
  readonly cameraCount: number;
  /**
   * Stands for the owner without naming them: an HMAC of the file id and the
   * owner's national ID under a secret the offices share, different for each
   * file. Lets the secretariat recognise the owner when they sign in. Absent
   * for files opened before it was introduced.
   */
  readonly ownerRef?: string;
  readonly at: string;
}

export interface UnionInstallationRefusedV1 {
  readonly fileId: string;
  readonly fileNumber: string;
  readonly reasons: readonly string[];
  readonly at: string;
}

export interface UnionEventsV1 {
  'union.FileOpened.v1': UnionFileOpenedV1;
  'union.DocumentSubmitted.v1': UnionDocumentStepV1;
  'union.DocumentAccepted.v1': UnionDocumentStepV1;
  'union.DocumentRequestedAgain.v1': UnionDocumentRequestedAgainV1;
  'union.InstallationApproved.v1': UnionInstallationApprovedV1;
  'union.InstallationRefused.v1': UnionInstallationRefusedV1;
}
