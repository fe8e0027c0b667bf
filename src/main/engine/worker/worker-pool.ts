import type { Progress } from '../../../shared/contract';
import type { JobToRun, RunEnd, StageExecutor, WorkerLiveness } from '../stage-executor';
import type { Logger } from '../../log/logger';
import type { Clock } from '../../time/clock';
import type { WorkerExit, WorkerLauncher, WorkerProcess, WorkerSpec } from './worker-launcher';
import type { FromWorker } from './worker-protocol';

export interface WorkerPoolOptions {
  launcher: WorkerLauncher;
  spec: WorkerSpec;
  size: number;
  clock: Clock;
  log: Logger;
  /** Time a worker gets to exit when asked before it is killed, ms. */
  stopMs: number;
  /** A worker that has not said `ready` by then is killed and replaced, ms. Default 60 000. */
  readyTimeoutMs?: number;
}

interface Running {
  job: JobToRun;
  onProgress(progress: Progress): void;
  resolve(end: RunEnd): void;
  /** Set when the engine killed the worker on purpose (watchdog), so the exit is not a crash. */
  killedBecause?: string;
}

interface PoolWorker {
  proc: WorkerProcess;
  state: 'starting' | 'idle' | 'busy' | 'stopping';
  running?: Running;
  /** Replace this worker once its job ends (recycle). */
  retire: boolean;
  readyTimer?: NodeJS.Timeout;
  /** When it was launched (monotonic ms): how long it has been starting. */
  launchedAt: number;
}

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
    this.started = new Promise((resolve) => {
      const check = () => (this.ready() > 0 || this.closing || this.launchError ? resolve() : this.waiters.push(check));
      check();
    });
    return this.started;
  }

  capacity(): number {
    let idle = 0;
    for (const w of this.workers) if (w.state === 'idle') idle++;
    return idle;
  }

  run(job: JobToRun, onProgress: (progress: Progress) => void): Promise<RunEnd> {
    const worker = [...this.workers].find((w) => w.state === 'idle');
    if (!worker) return Promise.resolve({ kind: 'lost', why: 'not started', detail: 'no idle worker' });
    return new Promise<RunEnd>((resolve) => {
      worker.state = 'busy';
      worker.running = { job, onProgress, resolve };
      if (!worker.proc.send({ type: 'run', job })) this.ended(worker, { kind: 'lost', why: 'worker gone', detail: 'the worker could not be reached' });
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
    let ready = 0;
    let busy = 0;
    let starting = 0;
    let firstLaunch: number | null = null;
    for (const w of this.workers) {
      if (w.state === 'idle') ready++;
      else if (w.state === 'busy') busy++;
      else if (w.state === 'starting') {
        starting++;
        firstLaunch = Math.min(firstLaunch ?? w.launchedAt, w.launchedAt);
      }
    }
    return {
      mode: this.mode,
      expected: this.options.size,
      ready: ready + busy,
      busy,
      starting,
      startingForMs: firstLaunch === null ? null : this.options.clock.monotonic() - firstLaunch,
      startupWindowMs: this.readyTimeoutMs(),
      recentCrashes: this.crashes.length,
      lastCrash: this.crashes.at(-1) ?? null,
      launchError: this.launchError,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.respawnTimer);
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
    const worker: PoolWorker = { proc, state: 'starting', retire: false, launchedAt: this.options.clock.monotonic() };
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
    switch (m.type) {
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
      running.resolve(killed ? { kind: 'lost', why: 'killed', detail: `${killed}; worker ${how}` } : { kind: 'lost', why: 'worker gone', detail: `worker ${worker.proc.pid} ${how}` });
    }
    if (!expected && !running?.killedBecause) {
      this.crashes.push({ at: this.options.clock.now(), detail: `worker ${worker.proc.pid} ${how}${running ? ` while running item ${running.job.itemId}` : ''}` });
      this.log.error({ pid: worker.proc.pid, code: exit.code, signal: exit.signal, itemId: running?.job.itemId }, 'worker process died');
    }
    if (!this.closing) this.scheduleRespawn();
    this.wakeWaiters();
  }

  /** Replaces missing workers, at once unless workers keep dying (then with a growing delay, up to 30 s). */
  private scheduleRespawn(): void {
    if (this.closing || this.respawnTimer) return;
    const now = this.options.clock.now();
    const recent = this.crashes.filter((c) => c.at > now - 60_000).length + (this.launchError ? 5 : 0);
    const delay = recent < 5 ? 0 : Math.min(30_000, 500 * 2 ** (recent - 5));
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = undefined;
      const live = [...this.workers].filter((w) => w.state !== 'stopping').length;
      for (let i = live; i < this.options.size; i++) this.spawn();
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
}
