import type { CheckpointStore } from '../checkpoint-store.port';
import type { LogPosition } from '../event-store.port';

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, LogPosition | null>();

  async load(name: string): Promise<LogPosition | null> {
    return this.positions.get(name) ?? null;
  }

  async save(name: string, position: LogPosition | null): Promise<void> {
    this.positions.set(name, position);
  }
}
