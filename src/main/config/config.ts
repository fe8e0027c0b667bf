import type { Stage } from '../../shared/contract';
import type { StagePolicy } from '../queue/queue';

/** Every interval, timeout and threshold of the engine, with its default. Times in ms. */
export interface EngineConfig {
  /** Jobs of a stage that run at once. Default ingest 2, transcribe 1, extract 2, index 2. */
  concurrency: Record<Stage, number>;
  /** Retry, lease and backoff rules per stage. */
  stages: Record<Stage, StagePolicy>;
  /** How often a running job renews its lease. Default 1000. */
  heartbeatMs: number;
  /** How often expired leases are looked for. Default 2000. */
  stuckScanMs: number;
  /** Recoveries of one job before it becomes a dead letter. Default 5. */
  maxRecoveries: number;
  /** How often the engine looks for work when nothing woke it. Default 1000. */
  idlePollMs: number;
  /** How often other processes' writes are looked for (PRAGMA data_version). Default 250. */
  changePollMs: number;
  /** How often stage availability (engines configured, breakers) is re-checked. Default 5000. */
  availabilityMs: number;
  /** Time running jobs get to finish at shutdown before they are released. Default 30000. */
  shutdownGraceMs: number;
}

const stage = (maxAttempts: number, leaseMs: number): StagePolicy => ({
  maxAttempts,
  leaseMs,
  backoff: { baseMs: 2_000, capMs: 5 * 60_000 },
});

export const defaultConfig: EngineConfig = {
  concurrency: { ingest: 2, transcribe: 1, extract: 2, index: 2 },
  stages: {
    ingest: stage(3, 10_000),
    transcribe: stage(5, 10_000),
    extract: stage(5, 10_000),
    index: stage(3, 10_000),
  },
  heartbeatMs: 1_000,
  stuckScanMs: 2_000,
  maxRecoveries: 5,
  idlePollMs: 1_000,
  changePollMs: 250,
  availabilityMs: 5_000,
  shutdownGraceMs: 30_000,
};

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

/** Defaults overridden by LIFELINE_* environment variables (names in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const c: EngineConfig = structuredClone(defaultConfig);
  c.heartbeatMs = envInt(env, 'LIFELINE_HEARTBEAT_MS') ?? c.heartbeatMs;
  c.stuckScanMs = envInt(env, 'LIFELINE_STUCK_SCAN_MS') ?? c.stuckScanMs;
  c.maxRecoveries = envInt(env, 'LIFELINE_MAX_RECOVERIES') ?? c.maxRecoveries;
  c.shutdownGraceMs = envInt(env, 'LIFELINE_SHUTDOWN_GRACE_MS') ?? c.shutdownGraceMs;
  const leaseMs = envInt(env, 'LIFELINE_LEASE_MS');
  const backoffBase = envInt(env, 'LIFELINE_BACKOFF_BASE_MS');
  for (const s of Object.keys(c.stages) as Stage[]) {
    if (leaseMs !== undefined) c.stages[s].leaseMs = leaseMs;
    if (backoffBase !== undefined) c.stages[s].backoff.baseMs = backoffBase;
    const conc = envInt(env, `LIFELINE_CONCURRENCY_${s.toUpperCase()}`);
    if (conc !== undefined) c.concurrency[s] = conc;
  }
  return c;
}
