import { EventEmitter } from 'node:events';
import type { Progress, Stage } from '../../shared/contract';
import type { BreakerBoard, BreakerView } from '../breakers/breaker-board';
import { StageAvailability } from './stage-availability';
import type { EngineConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { StageHandler } from './stage-handler';
import { Queue } from '../queue/queue';
import { EmergencyWriter } from '../recovery/emergency-writer';
import { ownerId } from '../recovery/process-alive';
import { RecoveryManager, type RecoveryOutcome } from '../recovery/recovery-manager';
import { ChangeFeed } from './change-feed';
import { InProcessExecutor } from './in-process-executor';
import { JobLoop } from './job-loop';
import { noServiceStatus } from './service-status';
import type { StageExecutor } from './stage-executor';
import type { EngineDeps, EngineEvents, StageStatus } from './engine-types';
import { StageGates, type BlockSource } from './stage-gates';
import type { Timer } from '../time/clock';

export type { EngineDeps, EngineEvents, StageStatus } from './engine-types';

/**
 * The engine of one process: recovers what a previous process left running, then claims jobs stage
 * by stage up to each stage's concurrency and the free workers, has them run (in worker processes),
 * and records how they ended. Several engines may share one store; leases keep them apart.
 */
export class Engine extends EventEmitter<EngineEvents> {
  readonly queue: Queue;
  readonly owner: string;
  readonly executor: StageExecutor;
  readonly breakers: BreakerBoard;
  readonly recovery: RecoveryManager;
  readonly gates = new StageGates();
  readonly handlers: ReadonlyMap<Stage, StageHandler>;
  private readonly loop: JobLoop;
  private readonly availability: StageAvailability;
  private readonly feed: ChangeFeed;
  private readonly emergency: EmergencyWriter;
  private readonly order: readonly Stage[];
  private timers: Timer[] = [];
  private wakeTimer: Timer | undefined;
  private tickScheduled = false;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  /** Each running job's latest progress, pushed at once but stored only with the next heartbeat. */
  private readonly latestProgress = new Map<number, Progress>();
  private config: EngineConfig;
  private readonly log: Logger;

  constructor(private readonly deps: EngineDeps) {
    super();
    this.config = deps.config;
    this.log = deps.log.child({ module: 'engine' });
    this.owner = ownerId(deps.clock.now());
    this.order = deps.stages.map((s) => s.stage);
    this.handlers = new Map(deps.stages.map((s) => [s.stage, s]));
    this.queue = new Queue(deps.store.queuePorts, {
      stageOrder: this.order,
      policies: this.config.stages,
      clock: deps.clock,
    });
    this.executor = deps.executor
      ? deps.executor({ queue: this.queue, handlers: this.handlers })
      : new InProcessExecutor({
          queue: this.queue,
          files: deps.store.files,
          paths: deps.paths,
          handlers: this.handlers,
          log: deps.log,
        });
    // The board is given, its services registered by whoever knows them (the service roster): the engine reads it.
    this.breakers = deps.breakers;
    this.breakers.on('transition', this.onBreaker);
    this.availability = new StageAvailability({
      handlers: this.handlers,
      gates: this.gates,
      breakers: this.breakers,
      queue: this.queue,
      config: () => this.config,
      clock: deps.clock,
      log: this.log,
      changed: () => this.changed(),
    });
    this.recovery = new RecoveryManager({
      store: deps.store,
      queue: this.queue,
      owner: this.owner,
      clock: deps.clock,
      config: () => this.config,
      handlers: this.handlers,
      kill: (itemId, why) => this.executor.kill(itemId, why),
      log: deps.log,
    });
    this.emergency = new EmergencyWriter({
      queue: this.queue,
      clock: deps.clock,
      log: deps.log,
      settings: () => ({ attempts: this.config.emergencyWriteAttempts, baseMs: this.config.emergencyWriteBaseMs }),
      onWritten: () => {
        this.changed();
        this.wake();
      },
    });
    this.loop = new JobLoop({
      queue: this.queue,
      executor: this.executor,
      breakers: this.breakers,
      recovery: this.recovery,
      emergency: this.emergency,
      clock: deps.clock,
      config: () => this.config,
      serviceOf: (stage) => this.handlers.get(stage)?.service?.name ?? null,
      localEngine: (stage) => this.handlers.get(stage)?.service?.kind === 'local-engine',
      services: deps.services ?? noServiceStatus,
      waitReason: (stage) => this.gates.reason(stage),
      canContinue: (stage) => this.state === 'running' && this.gates.reason(stage) === undefined,
      onProgress: (id, p) => {
        this.latestProgress.set(id, p);
        this.emit('item.progress', id, p);
      },
      onRecovered: (outcomes) => this.recovered(outcomes),
      afterJob: () => {
        this.changed();
        this.wake();
      },
      log: deps.log,
    });
    this.feed = new ChangeFeed(
      deps.store,
      (items) => {
        for (const item of items) if (item.state !== 'running') this.latestProgress.delete(item.id);
        this.emit('items.changed', items);
      },
      () => {
        this.breakers.reloadIfChanged();
        this.emit('foreign.write');
        this.wake();
      },
    );
  }

  /** Every running job's latest progress: what a page opened between two reports has not been pushed. */
  liveProgress(): { id: number; progress: Progress }[] {
    return [...this.latestProgress].map(([id, progress]) => ({ id, progress }));
  }

  private readonly onBreaker = (view: BreakerView): void => {
    this.emit('breaker.changed', view);
    if (this.state === 'running') this.refreshAvailability();
  };

  /** Recovers what a previous process left running (before any claim), then starts working. */
  start(): RecoveryOutcome[] {
    if (this.state !== 'new') throw new Error(`engine already ${this.state}`);
    const recovered = this.recovery.startupSweep();
    this.state = 'running';
    void this.executor.start().then(() => this.wake());
    this.refreshAvailability();
    this.startTimers();
    this.feed.start(this.config.changePollMs);
    this.changed();
    this.wake();
    this.log.info({ owner: this.owner, recovered: recovered.length, executor: this.executor.mode }, 'engine started');
    this.emit('started', recovered);
    return recovered;
  }

  /** New settings: concurrency, pauses and thresholds apply now; intervals restart. */
  reconfigure(config: EngineConfig): void {
    this.config = config;
    this.queue.configure(config.stages);
    if (this.state !== 'running') return;
    this.startTimers();
    this.refreshAvailability();
  }

  get currentConfig(): EngineConfig {
    return this.config;
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
    const out = this.guard('stuck scan', () => this.recovery.scan(this.loop.inFlightIds())) ?? [];
    this.recovered(out);
    return out;
  }

  /** The shell saw the machine go to sleep / wake up (Electron powerMonitor). */
  noteSuspend(): void {
    this.recovery.noteSuspend();
  }
  noteResume(): void {
    this.guard('extend leases after resume', () => this.recovery.noteResume());
  }

  /** A stage service failed its check (`reason`): its stages wait before an item is tried; null: they resume. */
  setServiceDown(service: string, reason: string | null): void {
    if (this.availability.serviceDown(service, reason) && this.state === 'running') this.refreshAvailability();
  }

  /** Another part of the app holds a stage (the health monitor pauses intake when the disk is full). */
  setBlock(stage: Stage, source: BlockSource, reason: string | null): void {
    if (this.gates.set(stage, source, reason) && this.state === 'running') this.refreshAvailability();
  }

  /** Stages that cannot run now park their queued jobs in `waiting` with the reason; others resume. */
  refreshAvailability(): void {
    this.availability.refresh();
    this.wake();
  }

  stageStatus(): StageStatus[] {
    return this.availability.status(this.order, (stage) => this.loop.running(stage));
  }

  get runningJobs(): number {
    return this.loop.inFlightIds().length;
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  private recovered(outcomes: RecoveryOutcome[]): void {
    if (outcomes.length === 0) return;
    this.emit('recovered', outcomes);
    this.changed();
    this.wake();
  }

  private startTimers(): void {
    for (const t of this.timers) this.deps.clock.clearInterval(t);
    this.timers = [];
    const every = (ms: number, fn: () => void) => this.timers.push(this.deps.clock.setInterval(fn, ms).unref());
    every(this.config.stuckScanMs, () => this.scanStuck());
    every(this.config.availabilityMs, () => this.refreshAvailability());
    every(this.config.idlePollMs, () => this.wake());
  }

  private guard<T>(what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err: unknown) {
      this.log.error({ err }, `${what} failed`);
      return undefined;
    }
  }

  private tick(): void {
    if (this.state !== 'running') return;
    let due = this.guard('read next due', () => this.queue.nextDueAt());
    if (due !== null && due !== undefined && due <= this.deps.clock.now()) {
      if (this.guard('promote due jobs', () => this.queue.promoteDue())) this.changed();
      due = this.guard('read next due', () => this.queue.nextDueAt());
    }
    this.deps.clock.clearTimeout(this.wakeTimer);
    if (due !== null && due !== undefined) {
      const ms = Math.min(Math.max(0, due - this.deps.clock.now()), 2 ** 31 - 1);
      this.wakeTimer = this.deps.clock.setTimeout(() => this.wake(), ms).unref();
    }
    // Later stages first: finishing items already under way beats starting new ones.
    for (const stage of [...this.order].reverse()) {
      const reason = this.gates.reason(stage);
      if (reason !== undefined) {
        this.availability.parkNewArrivals(stage, reason);
        if (this.gates.onlyBreaker(stage)) this.loop.probe(stage, this.owner);
        continue;
      }
      while (this.loop.running(stage) < this.config.stages[stage].concurrency && this.executor.capacity(stage) > 0) {
        const job = this.guard('claim', () => this.queue.claim(stage, this.owner));
        if (!job) break;
        this.loop.launch(job);
        this.changed();
      }
    }
  }

  /**
   * Graceful stop: claim nothing more, give running jobs `graceMs` to finish, then release the rest
   * to the queue (attempt refunded) so the next start picks them up, then stop the workers.
   */
  async stop(graceMs = this.config.shutdownGraceMs): Promise<{ finished: number; released: number }> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      this.breakers.off('transition', this.onBreaker);
      this.feed.stop();
      await this.executor.close();
      return { finished: 0, released: 0 };
    }
    this.state = 'stopping';
    for (const t of this.timers) this.deps.clock.clearInterval(t);
    this.deps.clock.clearTimeout(this.wakeTimer);
    const r = await this.loop.drain(
      graceMs,
      this.config.workerStopMs,
      (job) =>
        this.guard('release', () => this.queue.release(job, 'engine shut down before the stage finished')) === true,
    );
    this.emergency.stop();
    this.feed.flush();
    this.feed.stop();
    // After the drain: the last jobs' outcomes still reach their breakers and the UIs.
    this.breakers.off('transition', this.onBreaker);
    this.state = 'stopped';
    this.log.info(r, 'engine stopped');
    return r;
  }
}
