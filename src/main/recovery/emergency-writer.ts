import type { Logger } from '../log/logger';
import type { JobRef, Queue, RunOutcome } from '../queue/queue';
import type { EventInput } from '../queue/queue-store';
import type { Clock, Timer } from '../time/clock';

export interface EmergencyWriterOptions {
  queue: Queue;
  clock: Clock;
  log: Logger;
  /** Tries, and the first delay between them (doubling), ms. */
  settings(): { attempts: number; baseMs: number };
  /** Called after the minimal write went through (push the change to UIs). */
  onWritten(): void;
}

/** An audit row the timeline is still owed: the event of a transition the emergency path wrote. */
interface OwedEvent {
  job: JobRef;
  at: number;
  event: EventInput;
}

/** Owed audit rows are retried at this interval at most, ms: a disk that comes back is noticed soon. */
const auditRetryCapMs = 5_000;

/**
 * The emergency path. When recording how a run ended fails (SQLITE_BUSY past the busy timeout, disk
 * full, I/O error), the engine must neither crash nor forget: the same transition is retried on its
 * own, as the smallest write that can carry it (no event row), with backoff. Everything is logged;
 * nothing is thrown back into the engine. If every try fails, the lease expires and the stuck scan
 * recovers the job, so the item is never left running.
 *
 * Once the transition is written, the event it would have written (with its own time) and a note
 * saying the emergency path wrote it are owed to the item's timeline: they are kept and retried
 * until events can be written again (the disk is back), not dropped.
 */
export class EmergencyWriter {
  private readonly timers = new Set<Timer>();
  private readonly owed: OwedEvent[] = [];
  private auditTries = 0;
  private auditTimer: Timer | undefined;
  private stopped = false;
  private readonly log: Logger;

  constructor(private readonly options: EmergencyWriterOptions) {
    this.log = options.log.child({ module: 'emergency-write' });
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Audit rows still waiting to be written (lost only if the engine stops before events can be written). */
  get owedEvents(): number {
    return this.owed.length;
  }

  record(job: JobRef, outcome: RunOutcome, cause: unknown): void {
    const code = (cause as { code?: unknown })?.code;
    this.log.error(
      { err: cause, itemId: job.itemId, code },
      'recording the end of a run failed; trying the emergency write',
    );
    this.attempt(job, outcome, 1, typeof code === 'string' ? code : 'WRITE_FAILED');
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) this.options.clock.clearTimeout(t);
    this.timers.clear();
    this.options.clock.clearTimeout(this.auditTimer);
    if (this.owed.length > 0) this.writeOwed();
    if (this.owed.length > 0)
      this.log.error(
        { owed: this.owed.length },
        'stopping with audit rows the disk never took; their transitions are recorded',
      );
  }

  private attempt(job: JobRef, outcome: RunOutcome, n: number, cause: string): void {
    if (this.stopped) return;
    const { queue, clock } = this.options;
    let result: ReturnType<Queue['finishMinimal']>;
    try {
      result = queue.finishMinimal(job, outcome);
    } catch (err: unknown) {
      const { attempts, baseMs } = this.options.settings();
      if (n >= attempts) {
        this.log.error(
          { err, itemId: job.itemId, tries: n },
          'emergency write gave up; the stuck scan will recover the job when its lease expires',
        );
        return;
      }
      const delay = baseMs * 2 ** (n - 1);
      this.log.warn({ err, itemId: job.itemId, try: n, nextInMs: delay }, 'emergency write failed; retrying');
      const t = clock
        .setTimeout(() => {
          this.timers.delete(t);
          this.attempt(job, outcome, n + 1, cause);
        }, delay)
        .unref();
      this.timers.add(t);
      return;
    }
    if (!result.written) {
      this.log.info(
        { itemId: job.itemId },
        'emergency write refused: the job is no longer held (recovered or cancelled meanwhile)',
      );
      return;
    }
    this.log.warn({ itemId: job.itemId, tries: n }, 'emergency write recorded the run');
    this.owed.push(
      { job, at: result.at, event: result.event },
      {
        job,
        at: clock.now(),
        event: {
          type: 'emergency_write',
          actor: 'engine',
          detail: `the normal write failed (${cause}); the outcome was recorded by the emergency path after ${n} tr${n === 1 ? 'y' : 'ies'}`,
        },
      },
    );
    this.writeOwed();
    this.options.onWritten();
  }

  /** Writes owed audit rows in order; what the disk still refuses waits for the next try. */
  private writeOwed(): void {
    this.options.clock.clearTimeout(this.auditTimer);
    this.auditTimer = undefined;
    while (this.owed.length > 0) {
      const row = this.owed[0]!;
      try {
        this.options.queue.appendOwedEvent(row.job.itemId, row.job.stage, row.at, row.event);
      } catch (err: unknown) {
        this.auditTries++;
        const delay = Math.min(
          auditRetryCapMs,
          this.options.settings().baseMs * 2 ** Math.min(10, this.auditTries - 1),
        );
        if (this.auditTries === 1)
          this.log.warn(
            { err, itemId: row.job.itemId, owed: this.owed.length },
            'audit rows cannot be written yet; they wait for the disk',
          );
        if (!this.stopped) {
          this.auditTimer = this.options.clock.setTimeout(() => this.writeOwed(), delay).unref();
        }
        return;
      }
      this.owed.shift();
    }
    if (this.auditTries > 0) this.log.info({ tries: this.auditTries }, 'owed audit rows written');
    this.auditTries = 0;
  }
}
