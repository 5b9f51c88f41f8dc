import type { RecordedEvent } from '@cctv/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import type { Projection } from '../projection';

export interface FileListRow {
  event_id: string;
  stream_id: string;
  applied: number; // how many times this event was applied: anything but 1 is a bug
  applied_by: string;
}

/** A read model with one row per event, that counts how often each event was applied and by whom. */
export class FileListProjection implements Projection {
  constructor(
    private readonly schema: string,
    private readonly hooks: {
      readonly name?: string;
      readonly instance?: string;
      readonly beforeApply?: (event: RecordedEvent, em: EntityManager) => Promise<void>;
    } = {},
  ) {}

  get name(): string {
    return this.hooks.name ?? 'file-list';
  }

  async apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    await this.hooks.beforeApply?.(event, em);
    await em.query(
      `INSERT INTO "${this.schema}".file_list (event_id, stream_id, applied, applied_by) VALUES ($1, $2, 1, $3)
       ON CONFLICT (event_id) DO UPDATE SET applied = file_list.applied + 1`,
      [event.eventId, event.streamId, this.hooks.instance ?? 'only'],
    );
  }

  async reset(em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM "${this.schema}".file_list`);
  }
}

export async function createFileList(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(
    `CREATE TABLE "${schema}".file_list (event_id uuid PRIMARY KEY, stream_id text NOT NULL, applied int NOT NULL, applied_by text NOT NULL)`,
  );
}

export async function readFileList(dataSource: DataSource, schema: string): Promise<FileListRow[]> {
  return dataSource.query(`SELECT event_id::text AS event_id, stream_id, applied, applied_by FROM "${schema}".file_list ORDER BY event_id`);
}
