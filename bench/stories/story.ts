/** One file's whole story as one office's event store holds it. */
export interface Story {
  readonly schema: string;
  readonly fileId: string;
  readonly events: ReadonlyArray<{
    readonly streamId: string;
    readonly streamVersion: number;
    readonly eventId: string;
    readonly type: string;
    readonly schemaVersion: number;
    readonly data: unknown;
    readonly metadata: unknown;
  }>;
}
