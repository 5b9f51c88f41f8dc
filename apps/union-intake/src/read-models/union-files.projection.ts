import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';
import { RowSet } from '@cctv/projections';
import { formatJalali, toJalaliDate } from '@cctv/kernel';
import type { DocumentStatus, UnionFileEvent } from '@cctv/union-domain';
import { STATUS_AFTER, TIMELINE_TEXT_FA } from './timeline-text';
import { TimelineEntryRow, UnionFileRow } from './union-file.row';

type Data = Record<string, unknown>;

/** Own events carry their data; events received from other offices carry the whole public envelope. */
const payloadOf = (event: RecordedEvent): { office: TimelineEntryRow['office']; data: Data } => {
  if (event.type.startsWith('secretariat.') || event.type.startsWith('issuance.')) {
    return {
      office: event.type.startsWith('secretariat.') ? 'secretariat' : 'issuance',
      data: (event.data as IntegrationEvent).data as Data,
    };
  }
  return { office: 'union', data: event.data as Data };
};

const DOCUMENT_STATUS: Partial<Record<UnionFileEvent['type'], DocumentStatus>> = {
  DocumentSubmitted: 'submitted',
  DocumentAccepted: 'accepted',
  DocumentRequestedAgain: 're-requested',
};

/** The rows one batch of events works on, loaded once and written back together. */
interface Batch {
  readonly files: RowSet<UnionFileRow>;
  readonly timeline: RowSet<TimelineEntryRow>;
}

const fileIdOf = (event: RecordedEvent): string | null => (TIMELINE_TEXT_FA[event.type] ? String(payloadOf(event).data.fileId) : null);

const applyToBatch = (event: RecordedEvent, { files, timeline }: Batch): void => {
  const text = TIMELINE_TEXT_FA[event.type];
  if (!text) return;
  const { office, data } = payloadOf(event);
  const fileId = String(data.fileId);
  const at = new Date(String(data.at ?? event.metadata.occurredAt));

  if (event.type === 'FileOpened') {
    files.insert(openedRow(event as unknown as RecordedEvent<Extract<UnionFileEvent, { type: 'FileOpened' }>['data']>));
  } else {
    const row = files.get(fileId);
    if (!row) return; // a file opened elsewhere or before this read model's history: nothing to show it on
    if (event.type === 'secretariat.PermitRevoked.v1') row.revokedPermitIds = [...row.revokedPermitIds, String(data.permitId)];
    const status = STATUS_AFTER[event.type]?.(data);
    const revokedMeanwhile = event.type === 'issuance.PermitIssued.v1' && row.revokedPermitIds.includes(String(data.permitId));
    if (status && at >= row.statusAt && !revokedMeanwhile) {
      row.status = status;
      row.statusAt = at;
    }
    const documentStatus = DOCUMENT_STATUS[event.type as UnionFileEvent['type']];
    if (documentStatus) {
      row.documents = row.documents.map((d) =>
        d.kind === data.documentKind ? { ...d, status: documentStatus, reference: (data.reference as string) ?? d.reference } : d,
      );
    }
    if (event.type === 'InstallationRefused') row.refusalReasons = data.reasons as string[];
    if (event.type === 'secretariat.InstallationPermitSigned.v1') row.installationPermitId = String(data.installationPermitId);
    if (event.type === 'issuance.PermitIssued.v1') {
      if (data.permitType === 'installation') row.installationPermitNumber = String(data.permitNumber);
      else {
        row.operationPermitNumber = String(data.permitNumber);
        row.operationPermitKind = String(data.kind);
      }
    }
    row.updatedAt = at;
    files.changed(row);
  }

  timeline.insert({
    eventId: event.eventId,
    fileId,
    at,
    atJalali: formatJalali(toJalaliDate(at)),
    office,
    step: event.type,
    summaryFa: text(data),
    actorRole: event.metadata.actor.role,
    actorId: event.metadata.actor.personId,
    correlationId: event.metadata.correlationId,
  });
};

/**
 * The union's read model: files by status and searchable by number, owner
 * and address, each with its whole timeline across the three offices.
 * A batch loads the files it concerns in one query, applies its events in
 * memory and writes the files and timeline lines back in a few statements.
 */
export const unionFilesProjection = {
  name: 'union-files',

  /** Only what has a line on a file's timeline changes the read model. */
  handles(event: RecordedEvent): boolean {
    return TIMELINE_TEXT_FA[event.type] !== undefined;
  },

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return unionFilesProjection.applyBatch([event], em);
  },

  async applyBatch(events: readonly RecordedEvent[], em: EntityManager): Promise<void> {
    const batch: Batch = { files: new RowSet(UnionFileRow, 'fileId'), timeline: new RowSet(TimelineEntryRow, 'eventId') };
    const fileIds = events.map(fileIdOf).filter((id): id is string => id !== null);
    if (fileIds.length === 0) return;
    await batch.files.load(em, { fileId: fileIds });
    for (const event of events) applyToBatch(event, batch);
    await batch.files.flush(em);
    await batch.timeline.flush(em);
  },

  async reset(em: EntityManager): Promise<void> {
    await em.getRepository(TimelineEntryRow).clear();
    await em.getRepository(UnionFileRow).clear();
  },
};

const openedRow = (event: RecordedEvent<Extract<UnionFileEvent, { type: 'FileOpened' }>['data']>): UnionFileRow => {
  const d = event.data;
  const ownerName = d.owner.kind === 'person' ? `${d.owner.firstName} ${d.owner.lastName}` : d.owner.name;
  const at = new Date(d.at);
  return {
    fileId: d.fileId,
    fileNumber: d.fileNumber,
    status: 'open',
    statusAt: at,
    ownerKind: d.owner.kind,
    ownerName,
    ownerNationalId: d.owner.nationalId,
    ownerMobile: d.owner.mobile,
    premisesKind: d.premises.kind,
    address: d.premises.address,
    postalCode: d.premises.postalCode,
    residential: d.premises.residential,
    residentialUnits: d.premises.residentialUnits,
    cameraCount: d.system.cameras.length,
    documents: d.requiredDocuments.map((kind) => ({ kind, status: 'missing', reference: null })),
    refusalReasons: [],
    installationPermitId: null,
    installationPermitNumber: null,
    operationPermitNumber: null,
    operationPermitKind: null,
    revokedPermitIds: [],
    openedAt: at,
    updatedAt: at,
  };
};
