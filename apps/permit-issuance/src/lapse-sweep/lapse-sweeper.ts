import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deterministicEventId, type EventStore } from '@cctv/event-store';
import { DomainError, SYSTEM_ACTOR } from '@cctv/kernel';
import { CLOCK, EVENT_STORE, type Clock } from '@cctv/nest-common';
import { executePermitCommand } from '../permit/execute-permit-command';
import { PermitRow } from '../read-models/permit.row';

export const LAPSE_SWEEP_INTERVAL_MS = Symbol('LAPSE_SWEEP_INTERVAL_MS');
export const DEFAULT_LAPSE_SWEEP_INTERVAL_MS = 30_000;

/** Enough for one pass; whatever is left waits for the next one. */
const BATCH = 500;

export interface SweepResult {
  /** False when another replica was sweeping: this one did nothing. */
  readonly swept: boolean;
  readonly ended: number;
  readonly failed: number;
}

/**
 * Time ends a permit by itself (the register's answers already say so at any
 * instant); this sweep only records it as a fact — PermitLapsed or
 * PermitExpired — so that the other offices and analytics hear of it.
 *
 * Every interval, and once at start, it takes the permits the read model
 * still shows in force whose validUntil has passed and sends each
 * EndPermitValidity. Only one replica sweeps at a time: the sweep holds a
 * PostgreSQL advisory lock (pg_try_advisory_lock) on one pooled
 * connection for its whole pass and releases it after; a replica that does
 * not get the lock skips that round. If the holder dies, PostgreSQL drops
 * the lock with its connection. Two sweeps of the same permit would still be
 * harmless — an ended permit takes the command again without a new event —
 * the lock only saves the duplicate work.
 */
@Injectable()
export class LapseSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('lapse-sweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LAPSE_SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; public so that it can be run on demand and tested. */
  async sweepOnce(): Promise<SweepResult> {
    const connection = this.db.createQueryRunner();
    await connection.connect();
    try {
      const [{ taken }] = await connection.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken', [this.lockKey()]);
      if (!taken) return { swept: false, ended: 0, failed: 0 };
      try {
        return { swept: true, ...(await this.endDuePermits()) };
      } finally {
        await connection.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.lockKey()]);
      }
    } finally {
      await connection.release();
    }
  }

  private async endDuePermits(): Promise<{ ended: number; failed: number }> {
    const now = this.clock.now();
    const due = await this.db
      .getRepository(PermitRow)
      .createQueryBuilder('p')
      .select(['p.permitId'])
      .where(`p.recorded = 'issued'`)
      .andWhere('p.validUntil <= :now', { now })
      .orderBy('p.validUntil', 'ASC')
      .take(BATCH)
      .getMany();
    const correlationId = randomUUID();
    let ended = 0;
    let failed = 0;
    for (const { permitId } of due) {
      try {
        const { events } = await executePermitCommand(this.store, { type: 'EndPermitValidity', data: { permitId, now } }, {
          metadata: { occurredAt: now.toISOString(), correlationId, causationId: null, actor: SYSTEM_ACTOR },
          // A permit ends once, so its ending can have one id whichever pass records it.
          eventIds: (index) => deterministicEventId('lapse-sweep', permitId, String(index)),
        });
        ended += events.length;
      } catch (error) {
        // One permit the read model shows stale (revoked or superseded meanwhile) must not hold up the others.
        failed++;
        const reason = error instanceof DomainError ? error.code : (error as Error).name;
        this.logger.warn(`permit ${permitId}: validity not ended (${reason})`);
      }
    }
    if (ended > 0 || failed > 0) this.logger.log(`lapse sweep: ${ended} ended, ${failed} not ended, of ${due.length} due`);
    return { ended, failed };
  }

  private lockKey(): string {
    const schema = (this.db.options as { schema?: string }).schema ?? 'public';
    return `cctv-lapse-sweep:${schema}`;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepOnce()
        .catch((error: Error) => this.logger.warn(`lapse sweep failed, will try again: ${error.name}: ${error.message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
  }
}

/** LAPSE_SWEEP_INTERVAL_MS from the environment, 30 s when unset. */
export const lapseSweepIntervalFrom = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.LAPSE_SWEEP_INTERVAL_MS ?? DEFAULT_LAPSE_SWEEP_INTERVAL_MS);
  if (!Number.isInteger(value) || value < 100) throw new Error(`LAPSE_SWEEP_INTERVAL_MS must be a whole number of milliseconds ≥ 100, got ${env.LAPSE_SWEEP_INTERVAL_MS}`);
  return value;
};
