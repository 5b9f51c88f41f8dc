import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';

describe('in-memory checkpoints', () => {
  it('a follower that never saved starts before the first event', async () => {
    expect(await new InMemoryCheckpointStore().load('files')).toBeNull();
  });

  it('each follower loads the last position it saved', async () => {
    const checkpoints = new InMemoryCheckpointStore();
    await checkpoints.save('files', '000000000003');
    await checkpoints.save('files', '000000000007');
    await checkpoints.save('reports', '000000000001');
    expect(await checkpoints.load('files')).toBe('000000000007');
    expect(await checkpoints.load('reports')).toBe('000000000001');
  });
});
