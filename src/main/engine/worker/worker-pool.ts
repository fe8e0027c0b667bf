import type { Progress, Stage } from '../../../shared/contract';
import { stages } from '../../../shared/contract/names';
import type { JobToRun, RunEnd, StageExecutor, WorkerLiveness } from '../stage-executor';
import type { Logger } from '../../log/logger';
import type { WorkerExit, WorkerProcess } from './worker-launcher';
import type { FromWorker } from './worker-protocol';
import { IdlePings, type IdleVerdict } from './idle-ping-policy';
import type { PoolWorker, Running, Waiting, WorkerPoolOptions } from './pool-worker';
import { poolLiveness } from './pool-liveness';
import { idleToStop, placeJob, roomFor, startDelayMs, type DemandLimits } from './worker-demand-policy';

export type { WorkerPoolOptions } from './pool-worker';

const crashWindowMs = 10 * 60_000;
const defaultReadyTimeoutMs = 60_000;
const defaultIdleExitMs = 60_000;

/**
 * Worker processes started on demand, one job per worker at a time, each worker serving one stage
 * (the rules: worker-demand-policy.ts). None runs at boot; a claimed job whose stage has no idle
 * worker starts one and waits for it (its lease renewed meanwhile); a worker idle for a while exits.
 * A worker that exits unasked (native crash, `process.abort()`, out of memory, uncaught error,
 * watchdog kill) ends its job's run as `lost: worker gone` and the engine recovers it; the next job
 * starts a new worker, later and later when workers keep dying, so a broken install cannot
 * fork-bomb the machine.
 */
export class WorkerPool implements StageExecutor {
  readonly mode = 'worker-processes' as const;
  private readonly workers = new Set<PoolWorker>();
  private crashes: { at: number; detail: string }[] = [];
  private replacements: { at: number; detail: string }[] = [];
  /** Crashes and failed launches (monotonic ms) in the last minute: how long a new start waits. */
  private failures: number[] = [];
  private pingTimer: NodeJS.Timeout | undefined;
  private launchError: string | null = null;
  private closing = false;
  private readonly log: Logger;

  constructor(private readonly options: WorkerPoolOptions) {
    this.log = options.log.child({ module: 'worker-pool' });
  }

  /** Starts tending the pool (pings, idle exits); no worker starts before a job needs one. */
  start(): Promise<void> {
    if (!this.pingTimer && !this.closing) {
      this.pingTimer = setInterval(() => this.tend(), this.pingMs());
      this.pingTimer.unref();
    }
    return Promise.resolve();
  }

  /**
   * Jobs of `stage` that could be handed out now: idle workers of the stage that answer pings, and
   * while starts are allowed, room for new workers and idle workers of other stages (replaced).
   */
  capacity(stage?: Stage): number {
    if (this.closing) return 0;
    const views = this.views();
    const limits = this.limits();
    if (stage) return roomFor(views, stage, limits);
    const free = views.filter((v) => v.free).length;
    const live = views.filter((v) => v.state !== 'stopping').length;
    return free + (limits.startsAllowed ? Math.max(0, this.options.size - live) : 0);
  }

  run(job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd> {
    const notStarted = (detail: string): Promise<RunEnd> =>
      Promise.resolve({ kind: 'lost', why: 'not started', detail });
    if (this.closing) return notStarted('the worker pool is closing');
    const place = placeJob(this.views(), job.stage, this.limits());
    if (place.kind === 'none') return notStarted('no idle worker that answers, and none may start now');
    if (place.kind === 'use') return this.hand(place.worker.w, job, onProgress);
    if (place.kind === 'replace') void this.retire(place.retire.w);
    const worker = this.spawn(job.stage);
    if (!worker) return notStarted(this.launchError ?? 'no worker could start');
    return new Promise<RunEnd>((resolve) => {
      const waiting: Waiting = { job, onProgress, resolve, since: this.options.clock.monotonic() };
      worker.waiting = waiting;
      this.noteAwaitingWorker(job);
      const renew = this.options.renewWhileStarting;
      if (!renew) return;
      waiting.renewTimer = setInterval(() => {
        let held = false;
        try {
          held = renew(job);
        } catch (err: unknown) {
          // A busy store: the next beat tries again, as a worker's heartbeat would.
          this.log.warn({ err, itemId: job.itemId }, 'could not renew the lease of a job waiting for its worker');
          return;
        }
        if (held || worker.waiting !== waiting) return;
        clearInterval(waiting.renewTimer);
        worker.waiting = undefined;
        resolve({ kind: 'lost', why: 'lease lost', detail: 'the lease was lost while its worker started' });
      }, job.heartbeatMs);
      waiting.renewTimer.unref();
    });
  }

  kill(itemId: number, why: string): boolean {
    const worker = this.workerOf(itemId);
    const run = worker?.running ?? worker?.waiting;
    if (!worker || !run) return false;
    run.killedBecause = why;
    this.log.warn({ itemId, pid: worker.proc.pid, why }, 'killing hung worker');
    worker.proc.kill();
    return true;
  }

  abortAll(why: string): void {
    for (const w of this.workers) {
      if (w.running) w.proc.send({ type: 'abort', itemId: w.running.job.itemId, why });
      // A job still waiting for its worker never ran: it ends here, and the drain has released it.
      if (w.waiting) this.endWaiting(w, { kind: 'lost', why: 'stopped', detail: why });
    }
  }

  /** Stops every worker (idle ones now, busy ones once their job ends); the next jobs start fresh ones. */
  recycle(): number {
    let n = 0;
    for (const w of [...this.workers]) {
      if (w.state === 'stopping') continue;
      n++;
      if (w.state === 'busy' || w.waiting) w.retire = true;
      else void this.retire(w);
    }
    return n;
  }

  /** Which worker process runs this item now (for diagnostics and the watchdog). */
  pidOf(itemId: number): number | undefined {
    return this.workerOf(itemId)?.proc.pid;
  }

  liveness(): WorkerLiveness {
    const now = this.options.clock.now();
    this.crashes = this.crashes.filter((c) => c.at > now - crashWindowMs);
    this.replacements = this.replacements.filter((c) => c.at > now - crashWindowMs);
    return poolLiveness({
      workers: [...this.workers].map((w) => ({
        state: w.state,
        launchedAt: w.launchedAt,
        silent: w.state === 'idle' && this.verdict(w) !== 'answering',
      })),
      size: this.options.size,
      launchError: this.launchError,
      crashes: this.crashes,
      replacements: this.replacements,
      monotonicNow: this.options.clock.monotonic(),
      readyTimeoutMs: this.readyTimeoutMs(),
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    await Promise.all([...this.workers].map((w) => this.retire(w)));
  }

  private pingMs(): number {
    return this.options.pingMs ?? 1_000;
  }

  private readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? defaultReadyTimeoutMs;
  }

  /** The workers as the demand policy sees them, each with its own worker beside it. */
  private views() {
    return [...this.workers].map((w) => ({
      w,
      stage: w.stage,
      state: w.state,
      free: this.takesJobs(w),
      idleSince: w.idleSince,
    }));
  }

  private limits(): DemandLimits {
    const now = this.options.clock.monotonic();
    this.failures = this.failures.filter((t) => t > now - 60_000);
    const last = this.failures.at(-1);
    const delay = startDelayMs(this.failures.length, this.launchError !== null);
    return {
      size: this.options.size,
      startsAllowed: last === undefined || now >= last + delay,
      now,
      stageCount: stages.length,
    };
  }

  private workerOf(itemId: number): PoolWorker | undefined {
    for (const w of this.workers) if ((w.running ?? w.waiting)?.job.itemId === itemId) return w;
    return undefined;
  }

  private hand(worker: PoolWorker, job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd> {
    return new Promise<RunEnd>((resolve) => this.send(worker, { job, onProgress, resolve }));
  }

  private send(worker: PoolWorker, running: Running): void {
    worker.state = 'busy';
    worker.idleSince = null;
    worker.pings.answered();
    worker.running = running;
    if (!worker.proc.send({ type: 'run', job: running.job }))
      this.ended(worker, { kind: 'lost', why: 'worker gone', detail: 'the worker could not be reached' });
  }

  private endWaiting(worker: PoolWorker, end: RunEnd): void {
    const waiting = worker.waiting;
    if (!waiting) return;
    worker.waiting = undefined;
    clearInterval(waiting.renewTimer);
    waiting.resolve(end);
  }

  private spawn(stage: Stage): PoolWorker | null {
    let proc: WorkerProcess;
    try {
      proc = this.options.launcher.launch({ ...this.options.spec, stage });
    } catch (err: unknown) {
      this.launchError = err instanceof Error ? err.message : String(err);
      this.failures.push(this.options.clock.monotonic());
      this.log.error({ err }, 'could not start a worker process');
      return null;
    }
    const worker: PoolWorker = {
      proc,
      stage,
      state: 'starting',
      retire: false,
      launchedAt: this.options.clock.monotonic(),
      idleSince: null,
      pings: new IdlePings(),
    };
    this.workers.add(worker);
    worker.readyTimer = setTimeout(() => {
      this.log.error({ pid: proc.pid }, 'worker did not get ready in time; killing it');
      proc.kill();
    }, this.readyTimeoutMs());
    worker.readyTimer.unref();
    proc.onMessage((m) => this.onMessage(worker, m));
    proc.onExit((exit) => this.onExit(worker, exit));
    return worker;
  }

  private onMessage(worker: PoolWorker, m: FromWorker): void {
    worker.pings.answered();
    switch (m.type) {
      case 'pong':
        break;
      case 'ready':
        clearTimeout(worker.readyTimer);
        this.launchError = null;
        if (worker.state === 'starting') this.becameReady(worker);
        break;
      case 'progress':
        if (worker.running?.job.itemId === m.itemId) worker.running.onProgress(m.progress);
        break;
      case 'result':
        if (worker.running?.job.itemId === m.itemId && worker.running.job.token === m.token) this.ended(worker, m.end);
        break;
      case 'failed':
        this.launchError = m.message;
        this.log.error({ pid: worker.proc.pid, message: m.message }, 'worker could not start');
        break;
      default:
        this.log.warn({ message: m }, 'unknown message from a worker');
    }
  }

  /** A started worker runs the job that started it, or waits idle for the next one of its stage. */
  private becameReady(worker: PoolWorker): void {
    const waiting = worker.waiting;
    if (!waiting) {
      worker.state = 'idle';
      worker.idleSince = this.options.clock.monotonic();
      if (worker.retire) void this.retire(worker);
      return;
    }
    worker.waiting = undefined;
    clearInterval(waiting.renewTimer);
    const waitedMs = Math.round(this.options.clock.monotonic() - waiting.since);
    this.log.info(
      { itemId: waiting.job.itemId, stage: worker.stage, pid: worker.proc.pid, waitedMs },
      'job waited for its worker to start',
    );
    const begins = this.noteWorkBegins(waiting.job);
    if (begins !== true) {
      worker.state = 'idle';
      worker.idleSince = this.options.clock.monotonic();
      if (worker.retire) void this.retire(worker);
      waiting.resolve(begins);
      return;
    }
    this.send(worker, waiting);
  }

  /** The store hears that the job waits for its worker: its work has not begun. */
  private noteAwaitingWorker(job: JobToRun): void {
    try {
      this.options.awaitWorker?.(job);
    } catch (err: unknown) {
      // Unnoted, the job reads as begun: a kill during the start then counts a recovery, as it used to.
      this.log.warn({ err, itemId: job.itemId }, 'could not note that a job waits for its worker');
    }
  }

  /**
   * The store hears that the work begins, before the worker gets the job, so it never reads "not
   * begun" while the job runs. A job no longer held, or one the store could not mark, is not sent.
   */
  private noteWorkBegins(job: JobToRun): true | RunEnd {
    try {
      if (this.options.workBegins?.(job) === false)
        return { kind: 'lost', why: 'lease lost', detail: 'the lease was lost while its worker started' };
      return true;
    } catch (err: unknown) {
      this.log.warn({ err, itemId: job.itemId }, 'could not note that a job begins; it goes back to the queue');
      const detail = `could not note that its work begins: ${err instanceof Error ? err.message : String(err)}`;
      return { kind: 'lost', why: 'not started', detail };
    }
  }

  /** A run ended: the worker is free again (or retires), and the engine hears how. */
  private ended(worker: PoolWorker, end: RunEnd): void {
    const running = worker.running;
    worker.running = undefined;
    worker.pings.answered();
    if (worker.state === 'busy') {
      worker.state = 'idle';
      worker.idleSince = this.options.clock.monotonic();
    }
    if (worker.retire && worker.state === 'idle') void this.retire(worker);
    running?.resolve(end);
  }

  private onExit(worker: PoolWorker, exit: WorkerExit): void {
    clearTimeout(worker.readyTimer);
    this.workers.delete(worker);
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const expected = worker.state === 'stopping' || this.closing;
    const running = worker.running;
    const waiting = worker.waiting;
    if (running) {
      worker.running = undefined;
      const killed = running.killedBecause;
      running.resolve(
        killed
          ? { kind: 'lost', why: 'killed', detail: `${killed}; worker ${how}` }
          : { kind: 'lost', why: 'worker gone', detail: `worker ${worker.proc.pid} ${how}` },
      );
    }
    // The job waiting for this worker never ran: it goes back to the queue with its attempt refunded.
    if (waiting)
      this.endWaiting(
        worker,
        waiting.killedBecause
          ? { kind: 'lost', why: 'killed', detail: `${waiting.killedBecause}; worker ${how} before it was ready` }
          : { kind: 'lost', why: 'not started', detail: `worker ${worker.proc.pid} ${how} before it was ready` },
      );
    const killed = (running ?? waiting)?.killedBecause;
    if (!expected && !killed) {
      this.crashes.push({
        at: this.options.clock.now(),
        detail: `worker ${worker.proc.pid} ${how}${running ? ` while running item ${running.job.itemId}` : ''}`,
      });
      this.failures.push(this.options.clock.monotonic());
      this.log.error(
        { pid: worker.proc.pid, code: exit.code, signal: exit.signal, itemId: running?.job.itemId },
        'worker process died',
      );
    }
  }

  private retire(worker: PoolWorker): Promise<void> {
    return new Promise((resolve) => {
      worker.state = 'stopping';
      worker.idleSince = null;
      worker.proc.onExit(() => resolve());
      if (!worker.proc.send({ type: 'stop' })) worker.proc.kill();
      const timer = setTimeout(() => worker.proc.kill(), this.options.stopMs);
      timer.unref();
      worker.proc.onExit(() => clearTimeout(timer));
    });
  }

  private verdict(w: PoolWorker): IdleVerdict {
    return w.pings.verdict(this.options.clock.monotonic(), {
      silentAfterMs: 2 * this.pingMs(),
      replaceAfterMs: this.options.answerWithinMs ?? 10_000,
    });
  }

  private takesJobs(w: PoolWorker): boolean {
    return w.state === 'idle' && !w.retire && this.verdict(w) === 'answering';
  }

  /**
   * Every heartbeat: idle workers with nothing to do for a while exit; the others are pinged, and
   * one silent for a lease is killed before any job can reach it (the next job starts a new one).
   */
  private tend(): void {
    const now = this.options.clock.monotonic();
    const idleExitMs = this.options.idleExitMs ?? defaultIdleExitMs;
    for (const v of idleToStop(this.views(), now, idleExitMs)) {
      this.log.info(
        { pid: v.w.proc.pid, stage: v.stage, idleMs: Math.round(now - (v.idleSince ?? now)) },
        'idle worker exits; the next job of its stage starts one',
      );
      void this.retire(v.w);
    }
    for (const w of [...this.workers]) {
      if (w.state !== 'idle') continue;
      if (this.verdict(w) === 'unresponsive') {
        const detail = `worker ${w.proc.pid} did not answer for ${Math.round(w.pings.silentForMs(now) / 1000)} s while idle; replaced`;
        this.log.error({ pid: w.proc.pid }, detail);
        this.replacements.push({ at: this.options.clock.now(), detail });
        w.state = 'stopping';
        w.proc.kill();
        continue;
      }
      w.proc.send({ type: 'ping', seq: w.pings.sent(now) });
    }
  }
}
