import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodePosition } from './log-position';

export interface EventRow {
  tx: string;
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
}

/** The column list every read selects, matching `EventRow`. Ids and positions leave as text: bigint and xid8 exceed a JS number. */
const HEAD_COLUMNS = 'tx::text AS tx, position::text AS position, stream_id, stream_version, event_id::text AS event_id, type, schema_version';
export const EVENT_COLUMNS = `${HEAD_COLUMNS}, data, metadata`;

/** `EVENT_COLUMNS` with NULL bodies for streams whose id starts with $4. */
export const EVENT_COLUMNS_EXCEPT =
  `${HEAD_COLUMNS}, CASE WHEN starts_with(stream_id, $4) THEN NULL ELSE data END AS data, ` +
  'CASE WHEN starts_with(stream_id, $4) THEN NULL ELSE metadata END AS metadata';

export function toRecordedEvent<Data>(row: EventRow): RecordedEvent<Data> {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data as Data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: encodePosition(row),
  };
}
