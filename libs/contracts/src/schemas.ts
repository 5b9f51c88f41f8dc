import type { IssuanceEventsV1 } from './issuance.events';
import type { SecretariatEventsV1 } from './secretariat.events';
import type { UnionEventsV1 } from './union.events';

export type IntegrationEventMap = UnionEventsV1 & SecretariatEventsV1 & IssuanceEventsV1;
export type IntegrationEventType = keyof IntegrationEventMap;

/** `string?` is a field a later producer adds: consumers accept messages without it. */
type FieldType = 'string' | 'string?' | 'number' | 'boolean' | 'string|null' | 'number|null' | 'string[]' | 'deficiency[]';
type Schema<T> = { readonly [K in keyof T]-?: FieldType };

const deficiencyList = 'deficiency[]' as const;

/**
 * The published shape of every public event: what analytics teams read, and what
 * a consumer checks before it accepts a message (anything else goes to its dead-letter topic).
 */
export const INTEGRATION_SCHEMAS: { readonly [T in IntegrationEventType]: Schema<IntegrationEventMap[T]> } = {
  'union.FileOpened.v1': {
    fileId: 'string', fileNumber: 'string', premisesKind: 'string', residential: 'boolean',
    residentialUnits: 'number|null', cameraCount: 'number', ownerKind: 'string', at: 'string',
  },
  'union.DocumentSubmitted.v1': { fileId: 'string', documentKind: 'string', at: 'string' },
  'union.DocumentAccepted.v1': { fileId: 'string', documentKind: 'string', at: 'string' },
  'union.DocumentRequestedAgain.v1': { fileId: 'string', documentKind: 'string', reason: 'string', at: 'string' },
  'union.InstallationApproved.v1': {
    fileId: 'string', fileNumber: 'string', premisesKind: 'string', residential: 'boolean',
    residentialUnits: 'number|null', cameraCount: 'number', ownerRef: 'string?', at: 'string',
  },
  'union.InstallationRefused.v1': { fileId: 'string', fileNumber: 'string', reasons: 'string[]', at: 'string' },
  'secretariat.InstallationQueuedForSigning.v1': { fileId: 'string', fileNumber: 'string', at: 'string' },
  'secretariat.InstallationPermitSigned.v1': {
    fileId: 'string', fileNumber: 'string', installationPermitId: 'string', hologramSerial: 'string', at: 'string',
  },
  'secretariat.OperationPermitRequested.v1': {
    fileId: 'string', installationPermitId: 'string', requestId: 'string', at: 'string',
  },
  'secretariat.InspectionScheduled.v1': {
    fileId: 'string', inspectionId: 'string', scheduledFor: 'string', inspectorIds: 'string[]', purpose: 'string', at: 'string',
  },
  'secretariat.InspectionRecorded.v1': {
    fileId: 'string', inspectionId: 'string', passed: 'boolean', deficiencies: deficiencyList, at: 'string',
  },
  'secretariat.OperationPermitGranted.v1': {
    fileId: 'string', permitId: 'string', installationPermitId: 'string', kind: 'string', hologramSerial: 'string',
    deficiencies: deficiencyList, supersedesPermitId: 'string|null', at: 'string',
  },
  'secretariat.OperationPermitRefused.v1': { fileId: 'string', reasons: 'string[]', at: 'string' },
  'secretariat.RemediationReported.v1': { fileId: 'string', at: 'string' },
  'secretariat.RenewalRequested.v1': { fileId: 'string', permitId: 'string', at: 'string' },
  'secretariat.PermitRevoked.v1': { fileId: 'string', permitId: 'string', reason: 'string', at: 'string' },
  'issuance.PermitIssued.v1': {
    permitId: 'string', permitNumber: 'string', permitType: 'string', kind: 'string', fileId: 'string',
    hologramSerial: 'string', supersedesPermitId: 'string|null', issuedAt: 'string', validUntil: 'string',
    issuedOnJalali: 'string', validThroughJalali: 'string', at: 'string',
  },
  'issuance.PermitSuperseded.v1': {
    permitId: 'string', permitNumber: 'string', fileId: 'string', supersededBy: 'string', at: 'string',
  },
  'issuance.PermitRevoked.v1': { permitId: 'string', permitNumber: 'string', fileId: 'string', reason: 'string', at: 'string' },
  'issuance.PermitLapsed.v1': { permitId: 'string', permitNumber: 'string', fileId: 'string', at: 'string' },
  'issuance.PermitExpired.v1': { permitId: 'string', permitNumber: 'string', fileId: 'string', at: 'string' },
};

export const isIntegrationEventType = (type: string): type is IntegrationEventType =>
  Object.prototype.hasOwnProperty.call(INTEGRATION_SCHEMAS, type);

const fits = (value: unknown, type: FieldType): boolean => {
  switch (type) {
    case 'string': case 'number': case 'boolean':
      return typeof value === type;
    case 'string?':
      return value === undefined || typeof value === 'string';
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'number|null':
      return value === null || typeof value === 'number';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'deficiency[]':
      return Array.isArray(value) && value.every((v) => typeof v?.item === 'string' && typeof v?.note === 'string');
  }
};

/** The first problem with an event's data, or null when it fits its published schema. */
export const schemaProblem = (type: string, data: unknown): string | null => {
  if (!isIntegrationEventType(type)) return `unknown event type ${type}`;
  if (typeof data !== 'object' || data === null) return 'data is not an object';
  for (const [field, fieldType] of Object.entries(INTEGRATION_SCHEMAS[type]) as [string, FieldType][]) {
    if (!fits((data as Record<string, unknown>)[field], fieldType)) return `field ${field} is not ${fieldType}`;
  }
  return null;
};
