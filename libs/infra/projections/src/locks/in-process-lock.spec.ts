import { getEventListeners } from 'node:events';
import { InProcessLock } from './in-process-lock';

describe('the in-process runner lock', () => {
  it('a runner that waited for its turn again and again leaves no abort listener behind on its stop signal', async () => {
    const lock = new InProcessLock();
    const stop = new AbortController();
    const other = new AbortController();
    let held = await lock.acquire('runner', other.signal);
    for (let turn = 0; turn < 12; turn++) {
      const waiting = lock.acquire('runner', stop.signal);
      await held!.release();
      const mine = await waiting;
      expect(mine).not.toBeNull();
      const next = lock.acquire('runner', other.signal);
      await mine!.release();
      held = await next;
    }
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('a waiter whose signal aborts gets no lease', async () => {
    const lock = new InProcessLock();
    const held = await lock.acquire('runner', new AbortController().signal);
    const stop = new AbortController();
    const waiting = lock.acquire('runner', stop.signal);
    stop.abort();
    expect(await waiting).toBeNull();
    await held!.release();
  });
});
