import type { IntegrationEvent } from '@cctv/contracts';
import { readAllExcept, ReadMarks, type AppendMark, type CheckpointStore, type EventStore, type LogPosition, type LogWindow, type RecordedEvent } from '@cctv/event-store';
import { backoffDelay, DEFAULT_BACKOFF, sleep, untilNews, type BackoffOptions } from '../backoff';
import { envelopeProblem } from '../envelope/envelope-problem';
import { INBOX_STREAM_PREFIX } from '../inbox/inbox-event';
import { errorText, silentLogger, type MessagingLogger } from '../logger';
import type { MessageBus, OutgoingMessage } from '../message-bus.port';
import type { RelayLock } from './relay-lock.port';

/** `null`: the event stays inside the service. */
export type ToIntegrationEvent = (event: RecordedEvent) => IntegrationEvent | null;

export interface OutboundRelayOptions {
  /** Names both the checkpoint and the leadership lock, e.g. `union-intake.outbound`. */
  readonly name: string;
  readonly topic: string;
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly bus: MessageBus;
  readonly lock: RelayLock;
  readonly toIntegrationEvent: ToIntegrationEvent;
  /** Log events read (and at most published) per round trip; default 200. */
  readonly batchSize?: number;
  /** Longest wait for news once the log is drained; default 1 s. */
  readonly idleWaitMs?: number;
  /**
   * The checkpoint is saved at most this often (default 1 s): by the first
   * round after the interval, whether it finds anything new or not (an idle
   * relay still looks every `idleWaitMs`), and on stop. After a crash the
   * batches published since the last save go out again, which consumers
   * already take as duplicates.
   */
  readonly checkpointEveryMs?: number;
  /** How often a standby replica asks for the lock; default 2 s. */
  readonly standbyRetryMs?: number;
  readonly retry?: BackoffOptions;
  readonly logger?: MessagingLogger;
}

export interface RelayRound {
  readonly leader: boolean;
  /** Log events consumed (public or not). */
  readonly read: number;
  readonly published: number;
}

/** The mapping produced something no consumer could accept: a bug to fix, never a message to skip. */
export class InvalidIntegrationEventError extends Error {
  constructor(
    readonly domainEventId: string,
    readonly problem: string,
  ) {
    super(`Event ${domainEventId} maps to an invalid integration event: ${problem}`);
    this.name = 'InvalidIntegrationEventError';
  }
}

/**
 * Follows the service's own global log from its checkpoint and publishes the
 * public events to the service's topic, keyed by aggregate id. The checkpoint
 * moves only after the broker acknowledged the batch, so a crash in between
 * publishes that batch again: delivery is at least once, consumers dedupe.
 * Events received through the inbox are never relayed: a service only
 * publishes its own facts.
 */
export class OutboundRelay {
  private readonly batchSize: number;
  private readonly checkpointEveryMs: number;
  private readonly logger: MessagingLogger;
  private running: Promise<void> | null = null;
  private stopping = new AbortController();
  /** Where this leader has published up to (undefined: not known, read the saved checkpoint). */
  private position: LogPosition | null | undefined = undefined;
  /** Published and acknowledged, but not saved yet (null: the checkpoint is `position`). */
  private unsaved: LogPosition | null = null;
  private savedAt = 0;
  private prefetched: {
    readonly after: LogPosition | null;
    readonly window: Promise<LogWindow>;
    readonly held: Promise<boolean>;
  } | null = null;

  constructor(private readonly options: OutboundRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.checkpointEveryMs = options.checkpointEveryMs ?? 1_000;
    this.logger = options.logger ?? silentLogger;
  }

  /** Runs in the background until `stop()`; a second call does nothing. */
  start(): void {
    if (this.running) return;
    this.stopping = new AbortController();
    this.running = this.loop(this.stopping.signal);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.running = null;
    if (this.unsaved !== null) {
      // Still leading: the lock is released only below. Failing here only means publishing those batches again.
      await this.saveCheckpoint(this.unsaved).catch((error) => this.logger.error(`relay ${this.options.name}: checkpoint not saved on stop: ${errorText(error)}`));
    }
    this.forget();
    await this.options.lock.release();
  }

  /** One round: if this replica leads, publish at most one batch and move the checkpoint past it. */
  async relayOnce(): Promise<RelayRound> {
    const { name, topic, checkpoints, bus, lock } = this.options;
    try {
      let after: LogPosition | null;
      let window: LogWindow;
      if (this.position !== undefined) {
        // Leading already, with the checkpoint known: ask the lock (its own session) while the log is read.
        const [held, read] = await this.leadAndRead(this.position);
        if (!held) return this.standingBy();
        after = this.position;
        window = read;
      } else {
        if (!(await lock.tryAcquire())) return this.standingBy();
        after = await checkpoints.load(name);
        window = await this.read(after);
      }
      if (window.end === null) {
        if (this.unsaved !== null && Date.now() - this.savedAt >= this.checkpointEveryMs) await this.saveCheckpoint(this.unsaved);
        this.position = after;
        return { leader: true, read: 0, published: 0 };
      }
      const last = window.end;
      const full = window.scanned === this.batchSize;
      // A full batch: more is likely waiting, so read it while this one goes to the broker.
      if (full) this.prefetch(last);
      const messages = this.toMessages(window.events);
      if (messages.length > 0) await bus.publish(topic, messages);
      // Only after the broker's acknowledgement; losing a save to a crash only publishes those batches again.
      this.unsaved = last;
      if (Date.now() - this.savedAt >= this.checkpointEveryMs) await this.saveCheckpoint(last);
      // While it holds the lock nobody else moves this checkpoint: the next round need not read it.
      this.position = last;
      if (messages.length > 0) {
        this.logger.log(`relay ${name}: published ${messages.length} of ${window.scanned} events to ${topic}, checkpoint ${last}`);
      }
      return { leader: true, read: window.scanned, published: messages.length };
    } catch (error) {
      this.forget();
      throw error;
    }
  }

  private async saveCheckpoint(position: LogPosition): Promise<void> {
    const { name, checkpoints } = this.options;
    await (checkpoints.saveRelaxed ? checkpoints.saveRelaxed(name, position) : checkpoints.save(name, position));
    if (this.unsaved === position) this.unsaved = null;
    this.savedAt = Date.now();
  }

  private standingBy(): RelayRound {
    this.forget();
    return { leader: false, read: 0, published: 0 };
  }

  private forget(): void {
    this.position = undefined;
    this.unsaved = null;
    this.prefetched = null;
  }

  /** Whether this replica (still) leads, and the batch after `after`: both asked ahead if the last round was full. */
  private leadAndRead(after: LogPosition | null): Promise<[boolean, LogWindow]> {
    const ahead = this.prefetched;
    this.prefetched = null;
    if (ahead && ahead.after === after) return Promise.all([ahead.held, ahead.window]);
    return Promise.all([this.options.lock.tryAcquire(), this.readWindow(after)]);
  }

  private read(after: LogPosition | null): Promise<LogWindow> {
    const ahead = this.prefetched;
    this.prefetched = null;
    if (ahead && ahead.after === after) return ahead.window;
    return this.readWindow(after);
  }

  /** Events received through the inbox are left out by the read itself: their bodies are never sent or parsed here. */
  private readWindow(after: LogPosition | null): Promise<LogWindow> {
    return readAllExcept(this.options.store, after, this.batchSize, INBOX_STREAM_PREFIX);
  }

  /**
   * Reads the next batch, and asks the lock, while this one is published: the
   * next round still publishes only if the lock was held when asked, a round
   * earlier — milliseconds, as between asking at a round's start and its publish.
   */
  private prefetch(after: LogPosition): void {
    const window = this.readWindow(after);
    const held = this.options.lock.tryAcquire();
    window.catch(() => undefined); // whoever uses them sees the failures; unused, they are dropped
    held.catch(() => undefined);
    this.prefetched = { after, window, held };
  }

  private toMessages(events: readonly RecordedEvent[]): OutgoingMessage[] {
    const messages: OutgoingMessage[] = [];
    for (const event of events) {
      const integration = this.options.toIntegrationEvent(event);
      if (integration === null) continue;
      const problem = envelopeProblem(integration);
      if (problem !== null) throw new InvalidIntegrationEventError(event.eventId, problem);
      messages.push({ key: integration.aggregateId, value: integration });
    }
    return messages;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { name, standbyRetryMs = 2_000, idleWaitMs = 1_000, retry = DEFAULT_BACKOFF } = this.options;
    let failures = 0;
    let wasLeader = false;
    const marks = new ReadMarks(this.options.store);
    while (!signal.aborted) {
      try {
        marks.beforeRead();
        const round = await this.relayOnce();
        const since = marks.afterRead(round.read >= this.batchSize);
        failures = 0;
        if (round.leader !== wasLeader) {
          this.logger.log(`relay ${name}: ${round.leader ? 'leading' : 'standing by'}`);
          wasLeader = round.leader;
        }
        if (!round.leader) await sleep(standbyRetryMs, signal);
        else if (round.read < this.batchSize) await this.waitForNews(idleWaitMs, signal, since);
      } catch (error) {
        failures += 1;
        this.logger.error(`relay ${name}: round failed (attempt ${failures}): ${errorText(error)}`);
        await sleep(backoffDelay(failures, retry), signal);
      }
    }
  }

  private async waitForNews(timeoutMs: number, signal: AbortSignal, since: AppendMark | undefined): Promise<void> {
    const { store } = this.options;
    // The store's wake-up is only a hint; without it, poll.
    if (!store.waitForAppend) return sleep(timeoutMs, signal);
    await untilNews(store.waitForAppend(timeoutMs, since), timeoutMs, signal);
  }
}
