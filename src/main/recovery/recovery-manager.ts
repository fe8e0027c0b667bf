import { plural } from '../../shared/text/plural';
import type { Stage } from '../../shared/contract';
import type { EngineConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { CheckpointSource, StageCheckpoint } from './checkpoint-source';
import type { Queue } from '../queue/queue';
import type { Lease } from '../queue/queue-store';
import type { RecoveryTrigger } from '../store/recovery-log-store';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { ClockJumpDetector } from './clock-jump-policy';
import { engineOf, ownerIsGone } from './process-alive';
import { chooseStrategy, defaultMaxPartTries, type RecoveryStrategy } from './recovery-strategy-policy';
import { recoveryPlan } from './recovery-plan';
import { describeStuckRule, stuckRule, type StuckRule, type StuckRuleKind } from './stuck-rules-policy';

export interface RecoveryOutcome {
  itemId: number;
  stage: Stage;
  rule: StuckRuleKind;
  /** The rule as a sentence. */
  why: string;
  strategy: RecoveryStrategy;
  result: 'requeued' | 'succeeded' | 'dead' | 'lost_race' | 'failed';
}

export interface RecoveryManagerDeps {
  store: Store;
  queue: Queue;
  /** This engine's lease owner id. */
  owner: string;
  clock: Clock;
  config(): EngineConfig;
  /** Each stage's stored output, as recovery needs to see it. */
  handlers: ReadonlyMap<Stage, CheckpointSource>;
  /** The watchdog: stops the local run of a job (kills its worker). */
  kill(itemId: number, why: string): boolean;
  log: Logger;
}

/** Startup sweeps recover in chunks, one transaction each: 100 000 leases in seconds, not minutes. */
const sweepChunk = 500;
/** How long scans wait for the shell's resume note after its suspend note before assuming it was lost. */
export const resumeNoteWaitMs = 60_000;

/**
 * Finds stuck jobs and brings them back: the startup sweep (before any claim), the continuous stuck
 * scan, recoveries after a worker died, and the user's manual actions. Every recovery picks a
 * strategy, is applied through the queue's fenced writes, and leaves one `recovery_log` row written
 * in the same transaction. A job whose work never began (it waited for its worker to start) is put
 * back with nothing counted and no row. A suspend is told apart from a stall, and extends leases instead.
 */
export class RecoveryManager {
  private readonly jumps: ClockJumpDetector;
  private suspendedAt: number | null = null;
  /** Monotonic time of the first scan that found a suspend noted but no resume yet. */
  private waitingForResumeSince: number | null = null;
  private lastScanAt: number | null = null;
  private readonly log: Logger;

  constructor(private readonly deps: RecoveryManagerDeps) {
    this.jumps = new ClockJumpDetector(deps.config().clockJumpToleranceMs);
    this.log = deps.log.child({ module: 'recovery' });
  }

  /** Before this process claims anything: every job whose holder is gone, or whose lease ran out, goes back now. */
  startupSweep(): RecoveryOutcome[] {
    const now = this.deps.clock.now();
    const gone = new Map<string, boolean>();
    const isGone = (owner: string) => {
      const engine = engineOf(owner);
      if (!gone.has(engine)) gone.set(engine, ownerIsGone(engine, this.deps.owner));
      return gone.get(engine)!;
    };
    const stale: { lease: Lease; rule: StuckRule }[] = [];
    for (const lease of this.deps.queue.leases.all()) {
      if (engineOf(lease.owner) === this.deps.owner) continue;
      if (isGone(lease.owner))
        stale.push({ lease, rule: { kind: 'worker_gone', detail: `its process ${engineOf(lease.owner)} is gone` } });
      else if (lease.expiresAt < now)
        stale.push({ lease, rule: { kind: 'lease_expired', silentMs: now - lease.heartbeatAt } });
    }
    const out: RecoveryOutcome[] = [];
    for (let i = 0; i < stale.length; i += sweepChunk) {
      const chunk = stale.slice(i, i + sweepChunk);
      out.push(
        ...this.deps.store.atomically(() => chunk.map(({ lease, rule }) => this.recover(lease, rule, 'startup'))),
      );
    }
    if (out.length > 0) this.log.warn({ recovered: out.length }, 'startup sweep recovered jobs left running');
    return out;
  }

  /**
   * The continuous scan. Expired leases are found through their index, whoever holds them; this
   * engine's own running jobs are also checked for running too long and stalled progress (their
   * workers are killed first); other engines' processes are checked for being gone.
   */
  scan(ownItemIds: readonly number[]): RecoveryOutcome[] {
    const { clock, queue, config } = this.deps;
    const now = clock.now();
    const monotonic = clock.monotonic();
    if (this.suspendedAt !== null && this.awaitingResume(monotonic)) return [];
    const jump = this.jumps.observe(now, monotonic);
    this.lastScanAt = now;
    if (jump > 0) {
      this.extendAfterSuspend(jump, 'the clock jumped');
      return [];
    }
    const cfg = config();
    const rules = { maxDurationMs: stageLimits(cfg), progressStallMs: cfg.progressStallMs };
    const found = new Map<number, { lease: Lease; rule: StuckRule }>();
    for (const lease of queue.leases.expired(now)) {
      found.set(lease.itemId, { lease, rule: { kind: 'lease_expired', silentMs: now - lease.heartbeatAt } });
    }
    for (const lease of queue.leases.of(ownItemIds)) {
      if (found.has(lease.itemId) || lease.owner !== this.deps.owner) continue;
      const rule = stuckRule(lease, now, rules, true);
      if (rule) found.set(lease.itemId, { lease, rule });
    }
    for (const owner of queue.leases.owners()) {
      const engine = engineOf(owner);
      if (engine === this.deps.owner || !ownerIsGone(engine, this.deps.owner)) continue;
      for (const lease of queue.leases.ownedBy(owner)) {
        if (!found.has(lease.itemId))
          found.set(lease.itemId, { lease, rule: { kind: 'worker_gone', detail: `its process ${engine} is gone` } });
      }
    }
    return [...found.values()].map(({ lease, rule }) => this.recoverNow(lease, rule, 'scan'));
  }

  /** A user asked: every running job that any rule finds stuck, whichever engine holds it. */
  resetStuck(): RecoveryOutcome[] {
    const now = this.deps.clock.now();
    const cfg = this.deps.config();
    const rules = { maxDurationMs: stageLimits(cfg), progressStallMs: cfg.progressStallMs };
    return this.deps.queue.leases.all().flatMap((lease) => {
      const gone = engineOf(lease.owner) !== this.deps.owner && ownerIsGone(engineOf(lease.owner), this.deps.owner);
      const rule: StuckRule | null = gone
        ? { kind: 'worker_gone', detail: `its process ${engineOf(lease.owner)} is gone` }
        : stuckRule(lease, now, rules, true);
      return rule ? [this.recoverNow(lease, rule, 'manual')] : [];
    });
  }

  /** A user asked to recover this running item now; null when it is not running. */
  recoverItem(itemId: number): RecoveryOutcome | null {
    const lease = this.deps.queue.leases.one(itemId);
    if (!lease) return null;
    return this.recoverNow(lease, { kind: 'manual', detail: 'recover now' }, 'manual');
  }

  /** The worker running this job died: recover it at once rather than when its lease runs out. */
  workerGone(itemId: number, token: number, detail: string): RecoveryOutcome | null {
    const lease = this.deps.queue.leases.one(itemId);
    if (!lease || lease.token !== token) return null;
    return this.recoverNow(lease, { kind: 'worker_gone', detail }, 'worker_exit');
  }

  /** The shell saw the machine go to sleep. */
  noteSuspend(): void {
    this.suspendedAt = this.deps.clock.now();
  }

  /**
   * The shell saw the machine wake up (powerMonitor 'resume'): the time asleep is not a stall. This
   * covers platforms whose monotonic clock keeps running during a suspend, where no jump shows.
   */
  noteResume(): void {
    const now = this.deps.clock.now();
    const since = this.suspendedAt ?? this.lastScanAt ?? now;
    this.suspendedAt = null;
    this.waitingForResumeSince = null;
    this.jumps.reset();
    this.extendAfterSuspend(Math.max(0, now - since), 'the machine woke up');
  }

  /**
   * Between the shell's suspend and resume notes no lease counts as stalled: on waking, a scan's timer
   * can fire before the resume event arrives, and where the monotonic clock ran on through the sleep
   * no jump shows. A resume note that never comes is assumed after {@link resumeNoteWaitMs} of scans.
   */
  private awaitingResume(monotonic: number): boolean {
    this.waitingForResumeSince ??= monotonic;
    if (monotonic - this.waitingForResumeSince < resumeNoteWaitMs) return true;
    this.noteResume();
    return false;
  }

  private extendAfterSuspend(jumpMs: number, why: string): void {
    const { clock, store, queue, config } = this.deps;
    const now = clock.now();
    const changed = queue.extendLeasesAfterSuspend(this.deps.owner, jumpMs, now + config().stages.ingest.leaseMs);
    store.serviceEvents.insert(now, {
      service: 'engine',
      type: 'suspend_detected',
      actor: 'recovery',
      detail: `${why} (${(jumpMs / 1000).toFixed(0)} s): ${plural(changed, 'lease')} extended, nothing recovered`,
    });
    this.log.warn({ jumpMs, leases: changed }, 'suspend detected: leases extended instead of recovered');
  }

  /** Kills the local worker of an own job first, so it cannot keep working on what is recovered. */
  private recoverNow(lease: Lease, rule: StuckRule, trigger: RecoveryTrigger): RecoveryOutcome {
    if (engineOf(lease.owner) === this.deps.owner && rule.kind !== 'worker_gone')
      this.deps.kill(lease.itemId, describeStuckRule(rule));
    return this.deps.store.atomically(() => this.recover(lease, rule, trigger));
  }

  /** One recovery: strategy, fenced transition, log row. Runs inside the caller's transaction. */
  private recover(lease: Lease, rule: StuckRule, trigger: RecoveryTrigger): RecoveryOutcome {
    const started = performance.now();
    const { store, queue, clock } = this.deps;
    const cfg = this.deps.config();
    const why = describeStuckRule(rule);
    const handler = this.deps.handlers.get(lease.stage);
    const keepsCheckpoint = typeof handler?.checkpoint === 'function';
    // A job still waiting for its worker to start ran nothing: its stored output is not read.
    const workBegun = lease.awaitingWorkerSince === null;
    let checkpoint: StageCheckpoint | null = null;
    let outputComplete = false;
    try {
      checkpoint = workBegun ? (handler?.checkpoint?.(lease.itemId) ?? null) : null;
      outputComplete = workBegun ? (handler?.isOutputComplete?.(lease.itemId) ?? false) : false;
    } catch (err: unknown) {
      // A stage that cannot tell is treated as having nothing to resume from.
      this.log.warn({ err, itemId: lease.itemId }, 'checkpoint lookup failed; restarting the stage');
    }
    // Where the checkpoint stands now, as the log records it (0: nothing stored yet; null: the stage keeps none).
    const checkpointPercent = keepsCheckpoint ? (checkpoint?.percent ?? 0) : null;
    const choice = chooseStrategy({
      workBegun,
      recoveries: lease.recoveries,
      maxRecoveries: cfg.maxRecoveries,
      progressPercent: lease.progressPercent,
      keepsCheckpoint,
      checkpoint,
      outputComplete,
      recoveriesWithoutHeadway: keepsCheckpoint && workBegun ? this.withoutHeadway(lease, checkpointPercent!) : 0,
      maxPartTries: defaultMaxPartTries,
      setsPartsAside: keepsCheckpoint && typeof handler?.setNextPartAside === 'function',
      resumeMinProgressPercent: cfg.resumeMinProgressPercent,
    });
    const plan = recoveryPlan(lease, rule, why, choice, cfg.maxRecoveries);
    let result: RecoveryOutcome['result'];
    try {
      if (choice.setAside) {
        const reason = `stopped the ${lease.stage} stage ${defaultMaxPartTries} times in a row, the last time: ${why}`;
        const part = handler?.setNextPartAside?.(lease.itemId, reason);
        this.log.warn({ itemId: lease.itemId, part }, 'a part that keeps stopping the stage is set aside');
      }
      if (choice.strategy === 'restart' && checkpoint) {
        const kept = handler?.keepValidCheckpoint?.(lease.itemId);
        if (kept) this.log.info({ itemId: lease.itemId, ...kept }, 'restart keeps the stored parts that validate');
      }
      result = queue.recover(lease, plan);
    } catch (err: unknown) {
      this.log.error({ err, itemId: lease.itemId }, 'recovery write failed; the lease will expire and be tried again');
      result = 'failed';
    }
    // A requeue is no recovery: the job's timeline says why it went back, and the recovery log (what
    // the metrics and the part-tries count read) holds only recoveries of work that began.
    if (result !== 'lost_race' && result !== 'failed' && choice.strategy !== 'requeue') {
      store.recoveryLog.insert({
        itemId: lease.itemId,
        stage: lease.stage,
        rule: rule.kind,
        ruleDetail: why,
        strategy: choice.strategy,
        outcome: result,
        trigger,
        owner: lease.owner,
        checkpointPercent,
        stalledSince: lease.heartbeatAt,
        detectedAt: clock.now(),
        durationMs: performance.now() - started,
        detail: choice.because,
      });
    }
    this.log.warn(
      {
        itemId: lease.itemId,
        stage: lease.stage,
        owner: lease.owner,
        rule: rule.kind,
        strategy: choice.strategy,
        result,
      },
      'recovered job',
    );
    return { itemId: lease.itemId, stage: lease.stage, rule: rule.kind, why, strategy: choice.strategy, result };
  }

  /**
   * How many of this job's latest recoveries at this stage, in a row, found the checkpoint where it
   * is now (the same part tried again and stopped). Only recoveries since the job last started over
   * count (`lease.recoveries`), so a user's retry starts the count afresh.
   */
  private withoutHeadway(lease: Lease, percent: number): number {
    if (lease.recoveries === 0) return 0;
    let n = 0;
    for (const r of this.deps.store.recoveryLog.latestForItem(lease.itemId, lease.recoveries)) {
      if (r.stage !== lease.stage || r.checkpointPercent === null || Math.abs(r.checkpointPercent - percent) > 1e-9)
        break;
      n++;
    }
    return n;
  }
}

function stageLimits(cfg: EngineConfig): Record<Stage, number> {
  return Object.fromEntries(Object.entries(cfg.stages).map(([s, c]) => [s, c.maxDurationMs])) as Record<Stage, number>;
}
