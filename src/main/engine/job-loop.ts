import type { Progress, Stage } from '../../shared/contract';
import type { BreakerBoard } from '../breakers/breaker-board';
import type { EngineConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { Queue, RunOutcome } from '../queue/queue';
import type { ClaimedJob } from '../queue/queue-store';
import type { EmergencyWriter } from '../recovery/emergency-writer';
import type { RecoveryManager, RecoveryOutcome } from '../recovery/recovery-manager';
import type { Clock, Timer } from '../time/clock';
import type { ServiceStatus } from './service-status';
import type { JobToRun, RunEnd, StageExecutor } from './stage-executor';

export interface JobLoopDeps {
  queue: Queue;
  executor: StageExecutor;
  breakers: BreakerBoard;
  recovery: RecoveryManager;
  emergency: EmergencyWriter;
  /** Times the shutdown waits. */
  clock: Clock;
  config(): EngineConfig;
  serviceOf(stage: Stage): string | null;
  /** Whether the stage's service is a local engine running inside the worker processes (a worker's death is then its fault). */
  localEngine(stage: Stage): boolean;
  /** What the health side knows of the services. */
  services: ServiceStatus;
  /** Why the stage's jobs wait now, if they do (the reason a parked job shows). */
  waitReason(stage: Stage): string | undefined;
  /** Whether a slot that finished a job of `stage` may claim the next one. */
  canContinue(stage: Stage): boolean;
  onProgress(itemId: number, progress: Progress): void;
  onRecovered(outcomes: RecoveryOutcome[]): void;
  afterJob(): void;
  log: Logger;
}

/**
 * The worker slots: each runs a job, records how it ended, and claims the next job of its stage in
 * the same commit (finishAndClaim), so a busy slot hands over without a second transaction. Results
 * feed the stage's breaker; a service fault while the service is known down parks the job with its
 * attempt refunded; a worker that died has its job recovered at once; a failed write goes to the
 * emergency path instead of crashing the engine.
 */
export class JobLoop {
  private readonly inFlight = new Map<number, { job: ClaimedJob; done: Promise<void> }>();
  private readonly slots = new Map<Stage, number>();
  private readonly log: Logger;

  constructor(private readonly deps: JobLoopDeps) {
    this.log = deps.log.child({ module: 'engine' });
  }

  running(stage: Stage): number {
    return this.slots.get(stage) ?? 0;
  }

  inFlightIds(): number[] {
    return [...this.inFlight.keys()];
  }

  /** While the stage's breaker is half-open: one job, taken from `waiting`, tests the service. */
  probe(stage: Stage, owner: string): void {
    const service = this.deps.serviceOf(stage);
    const { breakers, queue, executor } = this.deps;
    if (!service || breakers.gate(service) !== 'probe' || executor.capacity(stage) <= 0) return;
    if (!breakers.tryProbe(service)) return;
    let job: ClaimedJob | undefined;
    try {
      job = queue.claimProbe(stage, owner, `probe: is ${service} back?`);
    } catch (err: unknown) {
      this.log.error({ err }, 'probe claim failed');
    }
    if (!job) {
      breakers.probeAbandoned(service);
      return;
    }
    this.launch(job, true);
  }

  launch(first: ClaimedJob, probe = false): void {
    const stage = first.stage;
    this.slots.set(stage, this.running(stage) + 1);
    const loop = async () => {
      let job: ClaimedJob | undefined = first;
      try {
        while (job) {
          const current: ClaimedJob = job;
          let end: RunEnd;
          try {
            end = await this.deps.executor.run(this.toRun(current), (p) => this.deps.onProgress(current.itemId, p));
          } catch (err: unknown) {
            this.log.error({ err, itemId: current.itemId }, 'the executor failed to run a job');
            end = { kind: 'lost', why: 'not started', detail: err instanceof Error ? err.message : String(err) };
          }
          job =
            end.kind === 'lost'
              ? this.lost(current, end, probe)
              : this.finished(current, await this.settle(current, end.outcome, probe), probe);
          this.inFlight.delete(current.itemId);
          if (job) this.inFlight.set(job.itemId, { job, done });
          this.deps.afterJob();
        }
      } finally {
        this.slots.set(stage, this.running(stage) - 1);
      }
    };
    const done = loop().catch((err: unknown) => this.log.error({ err }, 'job loop crashed'));
    this.inFlight.set(first.itemId, { job: first, done });
  }

  /**
   * Shutdown: wait up to `graceMs` for running jobs, release the rest (`release` returns whether it
   * did), ask the workers to stop, and close the executor (killing workers that do not stop).
   */
  async drain(
    graceMs: number,
    stopMs: number,
    release: (job: ClaimedJob) => boolean,
  ): Promise<{ finished: number; released: number }> {
    const before = this.inFlight.size;
    const all = () => Promise.all([...this.inFlight.values()].map((f) => f.done));
    await this.within(all(), graceMs);
    let released = 0;
    for (const { job } of [...this.inFlight.values()]) if (release(job)) released++;
    this.deps.executor.abortAll('engine stopping');
    await this.within(all(), stopMs);
    await this.deps.executor.close();
    await all();
    return { finished: before - released, released };
  }

  /** Waits for `p`, at most `ms` (0: not at all). */
  private async within(p: Promise<unknown>, ms: number): Promise<void> {
    if (ms <= 0) return;
    const { clock } = this.deps;
    let timer: Timer | undefined;
    await Promise.race([p, new Promise((r) => (timer = clock.setTimeout(() => r(undefined), ms)))]);
    clock.clearTimeout(timer);
  }

  private toRun(job: ClaimedJob): JobToRun {
    const cfg = this.deps.config();
    return {
      itemId: job.itemId,
      token: job.token,
      stage: job.stage,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      leaseMs: cfg.stages[job.stage].leaseMs,
      heartbeatMs: cfg.heartbeatMs,
    };
  }

  private lost(job: ClaimedJob, end: Extract<RunEnd, { kind: 'lost' }>, probe: boolean): undefined {
    const service = this.deps.serviceOf(job.stage);
    if (probe && service) this.deps.breakers.probeAbandoned(service);
    // A local engine runs inside the worker: its crash or out-of-memory is the engine's failure.
    if (end.why === 'worker gone' && service && this.deps.localEngine(job.stage)) {
      this.deps.breakers.failure(service, `the engine's worker process died (${end.detail ?? 'exited'})`);
    }
    if (end.why === 'not started') {
      // Nothing ran: back to the queue at once (attempt refunded) rather than when the lease expires.
      try {
        this.deps.queue.release(job, `not started: ${end.detail ?? 'no worker'}`);
      } catch (err: unknown) {
        this.log.error(
          { err, itemId: job.itemId },
          'could not release a job that did not start; its lease will expire',
        );
      }
      return undefined;
    }
    if (end.why === 'worker gone') {
      try {
        const r = this.deps.recovery.workerGone(job.itemId, job.token, end.detail ?? 'worker exited');
        if (r) this.deps.onRecovered([r]);
      } catch (err: unknown) {
        this.log.error({ err, itemId: job.itemId }, 'recovery after a worker exit failed; the stuck scan will retry');
      }
      return undefined;
    }
    this.log.info({ itemId: job.itemId, why: end.why, detail: end.detail }, 'result dropped: job no longer held');
    return undefined;
  }

  /**
   * Feeds the breaker, then reads a service fault: when the service is known down (the breaker is
   * not closed now, its last health check failed, or a check made now fails) or the run was the
   * breaker's probe, the failure is the service's and the job is parked, its attempt refunded.
   * Otherwise it counts as usual (a server that answers its check and fails one item may well be
   * failing on that item).
   */
  private async settle(job: ClaimedJob, outcome: RunOutcome, probe: boolean): Promise<RunOutcome> {
    this.feedBreaker(job.stage, outcome, probe);
    const service = this.deps.serviceOf(job.stage);
    if (!service || outcome.kind !== 'failed' || !outcome.failure.serviceFault) return outcome;
    const { breakers, services } = this.deps;
    let down = probe || breakers.gate(service) !== 'pass' ? 'its breaker is open' : services.downReason(service);
    if (!down) {
      down = await services.confirmDown(service).catch((err: unknown) => {
        this.log.warn({ err, itemId: job.itemId }, 'could not check the service after a fault');
        return null;
      });
    }
    if (!down) return outcome;
    const reason = this.deps.waitReason(job.stage) ?? `${service} is down (${down})`;
    this.log.info(
      { itemId: job.itemId, service, code: outcome.failure.code },
      'service fault while the service is down: parked, attempt refunded',
    );
    return { kind: 'parked', failure: outcome.failure, reason };
  }

  private finished(job: ClaimedJob, outcome: RunOutcome, probe: boolean): ClaimedJob | undefined {
    const keepGoing =
      !probe &&
      this.deps.canContinue(job.stage) &&
      this.running(job.stage) <= this.deps.config().stages[job.stage].concurrency;
    try {
      if (keepGoing) {
        const r = this.deps.queue.finishAndClaim(job, outcome, job.stage);
        if (!r.finished)
          this.log.warn(
            { itemId: job.itemId },
            'late result refused: the lease was lost (the job was recovered or cancelled)',
          );
        return r.next;
      }
      if (!this.deps.queue.finish(job, outcome))
        this.log.warn({ itemId: job.itemId }, 'late result refused: the lease was lost');
    } catch (err: unknown) {
      this.deps.emergency.record(job, outcome, err);
    }
    return undefined;
  }

  private feedBreaker(stage: Stage, outcome: RunOutcome, probe: boolean): void {
    const service = this.deps.serviceOf(stage);
    if (!service) return;
    const { breakers } = this.deps;
    if (outcome.kind === 'succeeded') return breakers.success(service);
    if (outcome.failure.serviceFault)
      return breakers.failure(service, `${outcome.failure.code}: ${outcome.failure.message}`);
    // The service answered (the item was at fault): for a probe, that is what it had to show.
    if (probe) breakers.success(service);
  }
}
