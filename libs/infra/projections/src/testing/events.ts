import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@cctv/event-store';

/** An event as an office would append it; the owner's name stands in for personal data that must never reach a log. */
export function fileEvent(type: string, ownerName = 'Zahra Rezaei'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: { ownerName },
    metadata: {
      occurredAt: '2025-03-21T08:30:00.000Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { personId: 'clerk-1', role: 'union-clerk' },
    },
  };
}

/** Appends `count` events spread over a few streams; returns their ids in append order. */
export async function appendEvents(store: EventStore, count: number, streams = 3): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const event = fileEvent(`FileOpened${i}`);
    await store.appendToStream(`file-${i % streams}`, [event], 'any');
    ids.push(event.eventId);
  }
  return ids;
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface CapturedLog {
  readonly level: 'info' | 'warn';
  readonly message: string;
  readonly fields: Readonly<Record<string, string | number>>;
}

export function capturingLogger(): { logs: CapturedLog[]; info: (m: string, f: Record<string, string | number>) => void; warn: (m: string, f: Record<string, string | number>) => void } {
  const logs: CapturedLog[] = [];
  return {
    logs,
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
  };
}
