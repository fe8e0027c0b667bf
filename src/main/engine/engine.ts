import { EventEmitter } from 'node:events';
import type { ItemSummary, Progress, Stage } from '../../shared/contract';
import type { EngineConfig } from '../config/config';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import { Queue } from '../queue/queue';
import type { ClaimedJob } from '../queue/queue-store';
import type { StageHandler } from '../pipeline/stage-handler';
import { ownerId } from '../recovery/process-alive';
import { recoverExpiredLeases, startupSweep, type RecoveryOutcome } from '../recovery/recover-leases';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { ChangeFeed } from './change-feed';
import { JobRunner } from './job-runner';

export interface EngineDeps {
  store: Store;
  paths: DataPaths;
  config: EngineConfig;
  clock: Clock;
  log: Logger;
  /** The pipeline's stages, in order. */
  stages: readonly StageHandler[];
}

export interface EngineEvents {
  'items.changed': [items: ItemSummary[]];
  'item.progress': [itemId: number, progress: Progress];
  started: [recovered: RecoveryOutcome[]];
}

/**
 * The engine of one process: recovers what a previous process left running, then claims jobs stage
 * by stage up to each stage's concurrency, runs them, and records how they ended. Several engines
 * (desktop app, `serve`) may share one store; leases keep them from running the same job.
 */
export class Engine extends EventEmitter<EngineEvents> {
  readonly queue: Queue;
  readonly owner: string;
  private readonly runner: JobRunner;
  private readonly feed: ChangeFeed;
  private readonly handlers: Map<Stage, StageHandler>;
  private readonly order: readonly Stage[];
  private readonly slots: Record<Stage, number>;
  private readonly inFlight = new Map<number, { job: ClaimedJob; done: Promise<void> }>();
  private readonly unavailable = new Map<Stage, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private tickScheduled = false;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private readonly log: Logger;

  constructor(private readonly deps: EngineDeps) {
    super();
    this.log = deps.log.child({ module: 'engine' });
    this.owner = ownerId(deps.clock.now());
    this.order = deps.stages.map((s) => s.stage);
    this.handlers = new Map(deps.stages.map((s) => [s.stage, s]));
    this.slots = Object.fromEntries(this.order.map((s) => [s, 0])) as Record<Stage, number>;
    this.queue = new Queue(deps.store.queue, { stageOrder: this.order, policies: deps.config.stages, clock: deps.clock });
    this.runner = new JobRunner({
      queue: this.queue,
      files: deps.store.files,
      paths: deps.paths,
      handlers: this.handlers,
      heartbeatMs: deps.config.heartbeatMs,
      log: deps.log,
      onProgress: (id, p) => this.emit('item.progress', id, p),
    });
    this.feed = new ChangeFeed(
      deps.store,
      (items) => this.emit('items.changed', items),
      () => this.wake(),
    );
  }

  /** Recovers what a previous process left running (before any claim), then starts working. */
  start(): RecoveryOutcome[] {
    if (this.state !== 'new') throw new Error(`engine already ${this.state}`);
    const recovered = startupSweep(this.queue, this.owner, this.deps.clock.now(), this.deps.config.maxRecoveries, this.log);
    this.state = 'running';
    this.refreshAvailability();
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.deps.config.stuckScanMs, () => this.scanStuck());
    every(this.deps.config.availabilityMs, () => this.refreshAvailability());
    every(this.deps.config.idlePollMs, () => this.wake());
    this.feed.start(this.deps.config.changePollMs);
    this.changed();
    this.wake();
    this.log.info({ owner: this.owner, recovered: recovered.length }, 'engine started');
    this.emit('started', recovered);
    return recovered;
  }

  /** Something may be claimable now (a local add, a foreign write, a finished job). */
  wake(): void {
    if (this.state !== 'running' || this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      this.tick();
    });
  }

  /** Local writes call this so UIs hear about them at once. */
  changed(): void {
    this.feed.poke();
  }

  scanStuck(): RecoveryOutcome[] {
    if (this.state !== 'running') return [];
    const out = this.guard('stuck scan', () => recoverExpiredLeases(this.queue, this.deps.clock.now(), this.deps.config.maxRecoveries, this.log)) ?? [];
    if (out.length > 0) {
      this.changed();
      this.wake();
    }
    return out;
  }

  /** Stages that cannot run now park their queued jobs in `waiting` with the reason; others resume. */
  refreshAvailability(): void {
    const now = this.deps.clock.now();
    for (const handler of this.handlers.values()) {
      const a = handler.availability();
      if (a.ok) {
        this.unavailable.delete(handler.stage);
        if (this.guard('resume stage', () => this.queue.store.unparkStage(handler.stage, now))) this.changed();
      } else {
        this.unavailable.set(handler.stage, a.reason);
        if (this.guard('park stage', () => this.queue.store.parkStage(handler.stage, a.reason, now))) this.changed();
      }
    }
    this.wake();
  }

  private guard<T>(what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err: unknown) {
      this.log.error({ err }, `${what} failed`);
      return undefined;
    }
  }

  private scheduleDue(): void {
    const due = this.guard('read next due', () => this.queue.store.nextDueAt());
    clearTimeout(this.wakeTimer);
    if (due === null || due === undefined) return;
    const delay = Math.max(0, due - this.deps.clock.now());
    this.wakeTimer = setTimeout(() => this.wake(), Math.min(delay, 2 ** 31 - 1));
    this.wakeTimer.unref();
  }

  private tick(): void {
    if (this.state !== 'running') return;
    const due = this.queue.store.nextDueAt();
    if (due !== null && due <= this.deps.clock.now()) {
      if (this.guard('promote due jobs', () => this.queue.promoteDue())) this.changed();
    }
    this.scheduleDue();
    // Later stages first: finishing items already under way beats starting new ones.
    for (const stage of [...this.order].reverse()) {
      const reason = this.unavailable.get(stage);
      if (reason !== undefined) {
        if (this.guard('park stage', () => this.queue.store.parkStage(stage, reason, this.deps.clock.now()))) this.changed();
        continue;
      }
      while (this.slots[stage] < this.deps.config.concurrency[stage]) {
        const job = this.guard('claim', () => this.queue.claim(stage, this.owner));
        if (!job) break;
        this.launch(job);
      }
    }
  }

  private launch(first: ClaimedJob): void {
    this.slots[first.stage]++;
    this.changed();
    const loop = async () => {
      let job: ClaimedJob | undefined = first;
      while (job) {
        const current: ClaimedJob = job;
        const end = await this.runner.run(current);
        job = undefined;
        if (end.kind === 'lost') {
          this.log.info({ itemId: current.itemId, why: end.why }, 'result dropped: job no longer held');
          break;
        }
        const keepGoing = this.state === 'running' && !this.unavailable.has(current.stage);
        if (keepGoing) {
          const r = this.guard('finish and claim', () => this.queue.finishAndClaim(current, end.outcome, current.stage));
          if (r && !r.finished) this.log.warn({ itemId: current.itemId }, 'result refused: lease was lost');
          job = r?.next;
        } else {
          const ok = this.guard('finish', () => this.queue.finish(current, end.outcome));
          if (ok === false) this.log.warn({ itemId: current.itemId }, 'result refused: lease was lost');
        }
        this.inFlight.delete(current.itemId);
        if (job) this.inFlight.set(job.itemId, { job, done });
        this.changed();
        this.wake();
      }
      this.slots[first.stage]--;
    };
    const done = loop().catch((err: unknown) => this.log.error({ err }, 'job loop crashed'));
    this.inFlight.set(first.itemId, { job: first, done });
  }

  get runningJobs(): number {
    return this.inFlight.size;
  }

  /**
   * Graceful stop: claim nothing more, give running jobs `graceMs` to finish, then release the rest
   * to the queue (attempt refunded) so the next start picks them up. Nothing in flight is lost.
   */
  async stop(graceMs = this.deps.config.shutdownGraceMs): Promise<{ finished: number; released: number }> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      return { finished: 0, released: 0 };
    }
    this.state = 'stopping';
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.wakeTimer);
    const before = this.inFlight.size;
    const all = () => Promise.all([...this.inFlight.values()].map((f) => f.done));
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([all(), new Promise((r) => (timeout = setTimeout(r, graceMs)))]);
    clearTimeout(timeout);
    let released = 0;
    for (const { job } of [...this.inFlight.values()]) {
      if (this.guard('release', () => this.queue.release(job, 'engine shut down before the stage finished'))) released++;
    }
    this.runner.abortAll();
    await all();
    this.feed.flush();
    this.feed.stop();
    this.state = 'stopped';
    this.log.info({ finished: before - released, released }, 'engine stopped');
    return { finished: before - released, released };
  }
}
