import type { IssuePermit } from '../permit/commands';
import type { PermitEvent, PermitIssued } from '../permit/events';

/**
 * Test data around DOMAIN.md's example: a permit signed on 1404/02/10 at
 * 10:30 Tehran time (2025-04-30T07:00Z; Tehran on +03:30 all year since 2022).
 */
export const SIGNED_AT = new Date('2025-04-30T07:00:00.000Z');

export const issueTemporary = (overrides: Partial<IssuePermit['data']> = {}): IssuePermit => ({
  type: 'IssuePermit',
  data: {
    permitId: 'p-temp',
    permitNumber: 'KR-OT-1404-000007',
    permitType: 'operation',
    kind: 'temporary',
    fileId: 'f-1',
    hologramSerial: 'HG-0001234',
    issuedAt: SIGNED_AT,
    supersedesPermitId: null,
    deficiencies: [{ item: 'monitored-sign-posted', note: 'تابلوی «این مکان مجهز به دوربین مداربسته است» نصب نشده' }],
    ...overrides,
  },
});

export const issueMain = (overrides: Partial<IssuePermit['data']> = {}): IssuePermit =>
  issueTemporary({ permitId: 'p-main', permitNumber: 'KR-OM-1404-000008', kind: 'main', deficiencies: [], ...overrides });

/** Six months from 1404/02/10: valid through 1404/08/09; 1404/08/10 is 2025-11-01, its Tehran midnight 20:30Z the day before. */
export const temporaryIssued: PermitIssued = {
  type: 'PermitIssued',
  data: {
    permitId: 'p-temp',
    permitNumber: 'KR-OT-1404-000007',
    permitType: 'operation',
    kind: 'temporary',
    fileId: 'f-1',
    hologramSerial: 'HG-0001234',
    supersedesPermitId: null,
    deficiencies: [{ item: 'monitored-sign-posted', note: 'تابلوی «این مکان مجهز به دوربین مداربسته است» نصب نشده' }],
    issuedAt: '2025-04-30T07:00:00.000Z',
    validFrom: '2025-04-30T07:00:00.000Z',
    validUntil: '2025-10-31T20:30:00.000Z',
    issuedOn: '1404/02/10',
    validThrough: '1404/08/09',
    endDate: '1404/08/10',
    at: '2025-04-30T07:00:00.000Z',
  },
};

/**
 * Twenty-four months from 1404/02/10. 1404 and 1405 are common years (365 days), so
 * 1406/01/01 is 2027-03-21 and 1406/02/10, forty days on, is 2027-04-30.
 */
export const mainIssued: PermitIssued = {
  type: 'PermitIssued',
  data: {
    ...temporaryIssued.data,
    permitId: 'p-main',
    permitNumber: 'KR-OM-1404-000008',
    kind: 'main',
    deficiencies: [],
    validUntil: '2027-04-29T20:30:00.000Z',
    validThrough: '1406/02/09',
    endDate: '1406/02/10',
  },
};

export const TEMPORARY_ENDS = new Date(temporaryIssued.data.validUntil);
export const MAIN_ENDS = new Date(mainIssued.data.validUntil);
export const beforeTemporaryEnds = new Date('2025-09-01T06:00:00.000Z');

export const identity = (event: PermitIssued) => ({
  permitId: event.data.permitId,
  permitNumber: event.data.permitNumber,
  fileId: event.data.fileId,
});

export const superseded = (event: PermitIssued, by: string, at: Date): PermitEvent => ({
  type: 'PermitSuperseded',
  data: { ...identity(event), supersededBy: by, at: at.toISOString() },
});

export const revoked = (event: PermitIssued, at: Date): PermitEvent => ({
  type: 'PermitRevoked',
  data: { ...identity(event), reason: 'دوربین به داخل منازل همسایه دید دارد', at: at.toISOString() },
});

export const lapsed = (event: PermitIssued): PermitEvent => ({
  type: 'PermitLapsed',
  data: { ...identity(event), kind: 'temporary', endedAt: event.data.validUntil, at: event.data.validUntil },
});

export const expired = (event: PermitIssued): PermitEvent => ({
  type: 'PermitExpired',
  data: { ...identity(event), kind: 'main', endedAt: event.data.validUntil, at: event.data.validUntil },
});
