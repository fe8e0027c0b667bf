import type { Logger } from '../log/logger';
import type { JobRef, Queue, RunOutcome } from '../queue/queue';
import type { Clock } from '../time/clock';

export interface EmergencyWriterOptions {
  queue: Queue;
  clock: Clock;
  log: Logger;
  /** Tries, and the first delay between them (doubling), ms. */
  settings(): { attempts: number; baseMs: number };
  /** Called after the minimal write went through (push the change to UIs). */
  onWritten(): void;
}

/**
 * The emergency path. When recording how a run ended fails (SQLITE_BUSY past the busy timeout, disk
 * full, I/O error), the engine must neither crash nor forget: the same transition is retried on its
 * own, as the smallest write that can carry it (no event row), with backoff. Everything is logged;
 * nothing is thrown back into the engine. If every try fails, the lease expires and the stuck scan
 * recovers the job, so the item is never left running.
 */
export class EmergencyWriter {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly log: Logger;

  constructor(private readonly options: EmergencyWriterOptions) {
    this.log = options.log.child({ module: 'emergency-write' });
  }

  get pending(): number {
    return this.timers.size;
  }

  record(job: JobRef, outcome: RunOutcome, cause: unknown): void {
    const code = (cause as { code?: unknown })?.code;
    this.log.error({ err: cause, itemId: job.itemId, code }, 'recording the end of a run failed; trying the emergency write');
    this.attempt(job, outcome, 1, typeof code === 'string' ? code : 'WRITE_FAILED');
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private attempt(job: JobRef, outcome: RunOutcome, n: number, cause: string): void {
    if (this.stopped) return;
    const { queue, clock } = this.options;
    let written: boolean;
    try {
      written = queue.finishMinimal(job, outcome);
    } catch (err: unknown) {
      const { attempts, baseMs } = this.options.settings();
      if (n >= attempts) {
        this.log.error({ err, itemId: job.itemId, tries: n }, 'emergency write gave up; the stuck scan will recover the job when its lease expires');
        return;
      }
      const delay = baseMs * 2 ** (n - 1);
      this.log.warn({ err, itemId: job.itemId, try: n, nextInMs: delay }, 'emergency write failed; retrying');
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.attempt(job, outcome, n + 1, cause);
      }, delay);
      t.unref();
      this.timers.add(t);
      return;
    }
    if (!written) {
      this.log.info({ itemId: job.itemId }, 'emergency write refused: the job is no longer held (recovered or cancelled meanwhile)');
      return;
    }
    this.log.warn({ itemId: job.itemId, tries: n }, 'emergency write recorded the run');
    try {
      queue.store.appendEvent(job.itemId, job.stage, clock.now(), {
        type: 'emergency_write',
        actor: 'engine',
        detail: `the normal write failed (${cause}); the outcome was recorded by the emergency path after ${n} tr${n === 1 ? 'y' : 'ies'}`,
      });
    } catch (err: unknown) {
      // The state is safe; the note is a courtesy.
      this.log.warn({ err, itemId: job.itemId }, 'could not add the emergency-write note to the timeline');
    }
    this.options.onWritten();
  }
}
