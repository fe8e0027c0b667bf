import type { Progress } from '../../../shared/contract';
import type { JobToRun, RunEnd, StageExecutor, WorkerLiveness } from '../stage-executor';
import type { Logger } from '../../log/logger';
import type { WorkerExit, WorkerProcess } from './worker-launcher';
import type { FromWorker } from './worker-protocol';
import { IdlePings, type IdleVerdict } from './idle-ping-policy';
import type { PoolWorker, WorkerPoolOptions } from './pool-worker';
import { poolLiveness } from './pool-liveness';

export type { WorkerPoolOptions } from './pool-worker';

const crashWindowMs = 10 * 60_000;
const defaultReadyTimeoutMs = 60_000;

/**
 * A fixed-size pool of worker processes, one job per worker at a time. A worker that exits (native
 * crash, `process.abort()`, out of memory, uncaught error, watchdog kill) is replaced; its job's run
 * ends as `lost: worker gone` and the engine recovers it. Replacements back off when workers keep
 * dying at start, so a broken install cannot fork-bomb the machine.
 */
export class WorkerPool implements StageExecutor {
  readonly mode = 'worker-processes' as const;
  private readonly workers = new Set<PoolWorker>();
  private readonly waiters: (() => void)[] = [];
  private crashes: { at: number; detail: string }[] = [];
  private replacements: { at: number; detail: string }[] = [];
  /** Since when the pool has had fewer live workers than its size (monotonic ms), or null. */
  private shortSince: number | null = null;
  private pingTimer: NodeJS.Timeout | undefined;
  private launchError: string | null = null;
  private closing = false;
  private respawnTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;

  constructor(private readonly options: WorkerPoolOptions) {
    this.log = options.log.child({ module: 'worker-pool' });
  }

  private started: Promise<void> | null = null;

  /** Starts the workers once; resolves when the first is ready (or none can start). */
  start(): Promise<void> {
    if (this.started) return this.started;
    for (let i = 0; i < this.options.size; i++) this.spawn();
    this.pingTimer = setInterval(() => this.pingIdle(), this.options.pingMs ?? 1_000);
    this.pingTimer.unref();
    this.started = new Promise((resolve) => {
      const check = () => (this.ready() > 0 || this.closing || this.launchError ? resolve() : this.waiters.push(check));
      check();
    });
    return this.started;
  }

  /** Idle workers that answer pings: a silent one is never handed a job. */
  capacity(): number {
    let idle = 0;
    for (const w of this.workers) if (this.takesJobs(w)) idle++;
    return idle;
  }

  run(job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd> {
    const worker = [...this.workers].find((w) => this.takesJobs(w));
    if (!worker) return Promise.resolve({ kind: 'lost', why: 'not started', detail: 'no idle worker that answers' });
    return new Promise<RunEnd>((resolve) => {
      worker.state = 'busy';
      worker.pings.answered();
      worker.running = { job, onProgress, resolve };
      if (!worker.proc.send({ type: 'run', job }))
        this.ended(worker, { kind: 'lost', why: 'worker gone', detail: 'the worker could not be reached' });
    });
  }

  kill(itemId: number, why: string): boolean {
    const worker = this.workerOf(itemId);
    if (!worker?.running) return false;
    worker.running.killedBecause = why;
    this.log.warn({ itemId, pid: worker.proc.pid, why }, 'killing hung worker');
    worker.proc.kill();
    return true;
  }

  abortAll(why: string): void {
    for (const w of this.workers) if (w.running) w.proc.send({ type: 'abort', itemId: w.running.job.itemId, why });
  }

  recycle(): number {
    let n = 0;
    for (const w of [...this.workers]) {
      if (w.state === 'stopping') continue;
      n++;
      if (w.state === 'busy') w.retire = true;
      else this.retire(w);
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
      closing: this.closing,
      launchError: this.launchError,
      crashes: this.crashes,
      replacements: this.replacements,
      shortSince: this.shortSince,
      monotonicNow: this.options.clock.monotonic(),
      readyTimeoutMs: this.readyTimeoutMs(),
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.respawnTimer);
    clearInterval(this.pingTimer);
    const exits = [...this.workers].map((w) => this.retire(w));
    this.wakeWaiters();
    await Promise.all(exits);
  }

  private readyTimeoutMs(): number {
    return this.options.readyTimeoutMs ?? defaultReadyTimeoutMs;
  }

  private ready(): number {
    let n = 0;
    for (const w of this.workers) if (w.state === 'idle' || w.state === 'busy') n++;
    return n;
  }

  private workerOf(itemId: number): PoolWorker | undefined {
    for (const w of this.workers) if (w.running?.job.itemId === itemId) return w;
    return undefined;
  }

  private wakeWaiters(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private spawn(): void {
    if (this.closing) return;
    let proc: WorkerProcess;
    try {
      proc = this.options.launcher.launch(this.options.spec);
    } catch (err: unknown) {
      this.launchError = err instanceof Error ? err.message : String(err);
      this.log.error({ err }, 'could not start a worker process');
      this.scheduleRespawn();
      this.wakeWaiters();
      return;
    }
    const worker: PoolWorker = {
      proc,
      state: 'starting',
      retire: false,
      launchedAt: this.options.clock.monotonic(),
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
  }

  private onMessage(worker: PoolWorker, m: FromWorker): void {
    worker.pings.answered();
    switch (m.type) {
      case 'pong':
        break;
      case 'ready':
        clearTimeout(worker.readyTimer);
        this.launchError = null;
        if (worker.state === 'starting') worker.state = 'idle';
        this.wakeWaiters();
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

  /** A run ended: the worker is free again (or retires), and the engine hears how. */
  private ended(worker: PoolWorker, end: RunEnd): void {
    const running = worker.running;
    worker.running = undefined;
    worker.pings.answered();
    if (worker.state === 'busy') worker.state = 'idle';
    if (worker.retire && worker.state === 'idle') void this.retire(worker);
    running?.resolve(end);
  }

  private onExit(worker: PoolWorker, exit: WorkerExit): void {
    clearTimeout(worker.readyTimer);
    this.workers.delete(worker);
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const expected = worker.state === 'stopping' || this.closing;
    const running = worker.running;
    if (running) {
      worker.running = undefined;
      const killed = running.killedBecause;
      running.resolve(
        killed
          ? { kind: 'lost', why: 'killed', detail: `${killed}; worker ${how}` }
          : { kind: 'lost', why: 'worker gone', detail: `worker ${worker.proc.pid} ${how}` },
      );
    }
    if (!expected && !running?.killedBecause) {
      this.crashes.push({
        at: this.options.clock.now(),
        detail: `worker ${worker.proc.pid} ${how}${running ? ` while running item ${running.job.itemId}` : ''}`,
      });
      this.log.error(
        { pid: worker.proc.pid, code: exit.code, signal: exit.signal, itemId: running?.job.itemId },
        'worker process died',
      );
    }
    if (!this.closing) this.scheduleRespawn();
    this.wakeWaiters();
  }

  /** Replaces missing workers, at once unless workers keep dying (then with a growing delay, up to 30 s). */
  private scheduleRespawn(): void {
    if (this.closing || this.respawnTimer) return;
    this.shortSince ??= this.options.clock.monotonic();
    const now = this.options.clock.now();
    const recent = this.crashes.filter((c) => c.at > now - 60_000).length + (this.launchError ? 5 : 0);
    const delay = recent < 5 ? 0 : Math.min(30_000, 500 * 2 ** (recent - 5));
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = undefined;
      const live = [...this.workers].filter((w) => w.state !== 'stopping').length;
      for (let i = live; i < this.options.size; i++) this.spawn();
      this.shortSince = null;
    }, delay);
    this.respawnTimer.unref();
  }

  private retire(worker: PoolWorker): Promise<void> {
    return new Promise((resolve) => {
      worker.state = 'stopping';
      worker.proc.onExit(() => resolve());
      if (!worker.proc.send({ type: 'stop' })) worker.proc.kill();
      const timer = setTimeout(() => worker.proc.kill(), this.options.stopMs);
      timer.unref();
      worker.proc.onExit(() => clearTimeout(timer));
      if (!this.closing) this.scheduleRespawn();
    });
  }

  private verdict(w: PoolWorker): IdleVerdict {
    const pingMs = this.options.pingMs ?? 1_000;
    return w.pings.verdict(this.options.clock.monotonic(), {
      silentAfterMs: 2 * pingMs,
      replaceAfterMs: this.options.answerWithinMs ?? 10_000,
    });
  }

  private takesJobs(w: PoolWorker): boolean {
    return w.state === 'idle' && !w.retire && this.verdict(w) === 'answering';
  }

  /** Pings every idle worker; one silent for a lease is replaced before any job can reach it. */
  private pingIdle(): void {
    const now = this.options.clock.monotonic();
    for (const w of [...this.workers]) {
      if (w.state !== 'idle') continue;
      if (this.verdict(w) === 'unresponsive') {
        const detail = `worker ${w.proc.pid} did not answer for ${Math.round(w.pings.silentForMs(now) / 1000)} s while idle; replaced`;
        this.log.error({ pid: w.proc.pid }, detail);
        this.replacements.push({ at: this.options.clock.now(), detail });
        w.state = 'stopping';
        w.proc.kill();
        this.scheduleRespawn();
        continue;
      }
      w.proc.send({ type: 'ping', seq: w.pings.sent(now) });
    }
  }
}
