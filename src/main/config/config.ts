import type { BreakerOptions } from '../breakers/circuit-breaker-policy';
// Straight from the modules, not the contract's index: reading settings loads no schema library.
import { stages } from '../../shared/contract/names';
import type { Stage } from '../../shared/contract/model';
import { parseSettingInput } from '../../shared/contract/setting-input';
import type { SettingSource } from '../../shared/contract/setting-schemas';
import {
  defaultSettings,
  settingEnvName,
  settingSpecs,
  settingsProblems,
  settingValueValid,
  type SettingsValues,
  type SettingSpec,
  type SettingValue,
} from '../../shared/contract/settings';
import type { StagePolicy } from '../queue/queue';

export interface StageConfig extends StagePolicy {
  /** Jobs of this stage that run at once. Defaults: ingest 2, transcribe 1, extract 2, index 2. */
  concurrency: number;
  /** A run longer than this is stuck, ms. Defaults: ingest 30 min, transcribe 3 h, extract 30 min, index 10 min. */
  maxDurationMs: number;
  /** Paused by the user: jobs wait with the reason shown. Default false. */
  paused: boolean;
}

/** Circuit breaker thresholds: the policy's own options (defaults in src/shared/contract/settings.ts). */
export type BreakerConfig = BreakerOptions;

/** Which desktop notifications the user wants (the Electron shell reads these). Both default on. */
export interface NotifyConfig {
  /** Items that became dead letters. */
  deadLetters: boolean;
  /** The overall status turning red, and recovering from red. */
  serviceRed: boolean;
}

export interface BackupConfig {
  /** How often the engine backs the store up. Default daily (04:00 local). */
  schedule: 'hourly' | 'daily' | 'weekly' | 'off';
  /** Backups kept; the oldest beyond this are deleted. Default 7. */
  keep: number;
}

export interface AutoRecoveryConfig {
  /** Wait between two runs of a service's handler, ms. Default 60 000. */
  cooldownMs: number;
  /** Runs before the service needs the user. Default 3. */
  maxAttempts: number;
  /** Cooldown multiplier per failed run. Default 2. */
  backoff: number;
}

export interface HealthConfig {
  /** Probe interval, ms. Default 30 000. */
  intervalMs: number;
  /** Probe timeout, ms. Default 5 000. */
  probeTimeoutMs: number;
  /** Failures in a row before amber/red (explicit "down" is immediate). Default 3. */
  failuresBeforeAlert: number;
  /** Results kept per probe. Default 100. */
  historySize: number;
  /** Startup gate timeout, ms. Default 30 000. */
  startupTimeoutMs: number;
  /** Free bytes below which disk is amber. Default 1 GiB. */
  diskAmberBytes: number;
  /** Free bytes below which disk is red and intake pauses. Default 200 MiB. */
  diskRedBytes: number;
  /** Queue lag that turns the queue amber, ms. Default 30 min. */
  queueLagAmberMs: number;
  /** Engine RSS that turns the engine amber, MiB. Default 1 500. */
  memoryAmberMb: number;
}

/** Every interval, timeout and threshold of the engine. Built from the settings list (shared/contract/settings.ts). */
export interface EngineConfig {
  /** Worker processes at most (started on demand, each for one stage); 0 runs stages in the engine process. Default 4. */
  workers: number;
  /** Heap limit of a worker, MiB. Default 2048. */
  workerMaxHeapMb: number;
  /**
   * A worker with no job this long exits, ms. Default 60 000: a batch of files, a filling watch
   * folder or the next recording keeps its workers, and the memory is back a minute after the work.
   */
  workerIdleMs: number;
  /** Jobs of a stage that run at once (kept beside `stages` for existing callers). */
  concurrency: Record<Stage, number>;
  stages: Record<Stage, StageConfig>;
  /** Lease renewal interval, ms. Default 1 000. */
  heartbeatMs: number;
  /** Stuck scan interval, ms. Default 2 000. */
  stuckScanMs: number;
  /** Progress unchanged this long is a stall, ms. Default 300 000. */
  progressStallMs: number;
  /** Recoveries before escalation to dead letters. Default 5. */
  maxRecoveries: number;
  /** Progress needed to resume from a checkpoint, percent. Default 5. */
  resumeMinProgressPercent: number;
  /** Wall-over-monotonic gain read as a suspend, ms. Default 5 000. */
  clockJumpToleranceMs: number;
  /** Idle poll, ms. Default 1 000. */
  idlePollMs: number;
  /** Foreign-write poll, ms. Default 250. */
  changePollMs: number;
  /** Availability re-check, ms. Default 5 000. */
  availabilityMs: number;
  /** Shutdown grace for running jobs, ms. Default 30 000. */
  shutdownGraceMs: number;
  /** Time a worker gets to exit when asked, ms. Default 2 000. */
  workerStopMs: number;
  /** Emergency status write tries. Default 8. */
  emergencyWriteAttempts: number;
  /** First emergency retry delay, ms (doubles). Default 100. */
  emergencyWriteBaseMs: number;
  breaker: BreakerConfig;
  autoRecovery: AutoRecoveryConfig;
  health: HealthConfig;
  /** Days after which cleanup drops routine events of done items. Default 30. */
  retentionDays: number;
  /** The watch folder, an absolute or relative path; empty when there is none. Default empty. */
  watchDir: string;
  /** One more folder (besides the home and the watch folder) that items:add over the API may read from; empty for none. */
  addFromDir: string;
  notify: NotifyConfig;
  backup: BackupConfig;
}

const group = <T>(v: SettingsValues, prefix: string): T =>
  Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, x]) => [k.slice(prefix.length + 1), x]),
  ) as T;

/** The typed config for a complete, validated set of setting values. */
export function configFromSettings(v: SettingsValues): EngineConfig {
  const n = (k: string) => v[k] as number;
  const stageConfig = (s: Stage): StageConfig => ({
    concurrency: n(`concurrency.${s}`),
    maxAttempts: n(`maxAttempts.${s}`),
    leaseMs: n('leaseMs'),
    maxDurationMs: n(`maxDurationMs.${s}`),
    paused: v[`paused.${s}`] === true,
    backoff: { baseMs: n('backoffBaseMs'), capMs: n('backoffCapMs') },
  });
  const stageMap = Object.fromEntries(stages.map((s) => [s, stageConfig(s)])) as Record<Stage, StageConfig>;
  return {
    workers: n('workers'),
    workerMaxHeapMb: n('workerMaxHeapMb'),
    workerIdleMs: n('workerIdleMs'),
    concurrency: Object.fromEntries(stages.map((s) => [s, stageMap[s].concurrency])) as Record<Stage, number>,
    stages: stageMap,
    heartbeatMs: n('heartbeatMs'),
    stuckScanMs: n('stuckScanMs'),
    progressStallMs: n('progressStallMs'),
    maxRecoveries: n('maxRecoveries'),
    resumeMinProgressPercent: n('resumeMinProgressPercent'),
    clockJumpToleranceMs: n('clockJumpToleranceMs'),
    idlePollMs: n('idlePollMs'),
    changePollMs: n('changePollMs'),
    availabilityMs: n('availabilityMs'),
    shutdownGraceMs: n('shutdownGraceMs'),
    workerStopMs: n('workerStopMs'),
    emergencyWriteAttempts: n('emergencyWriteAttempts'),
    emergencyWriteBaseMs: n('emergencyWriteBaseMs'),
    breaker: group<BreakerConfig>(v, 'breaker'),
    autoRecovery: group<AutoRecoveryConfig>(v, 'autoRecovery'),
    health: group<HealthConfig>(v, 'health'),
    retentionDays: n('retention.doneEventsDays'),
    watchDir: String(v.watchDir ?? ''),
    addFromDir: String(v.addFromDir ?? ''),
    notify: group<NotifyConfig>(v, 'notify'),
    backup: group<BackupConfig>(v, 'backup'),
  };
}

export const defaultConfig: EngineConfig = configFromSettings(defaultSettings());

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function parseEnv(spec: SettingSpec, raw: string): SettingValue {
  const parsed = parseSettingInput(spec, raw);
  if (!parsed.ok) throw new ConfigError(`${settingEnvName(spec.key)} ${parsed.message}, got "${raw}"`);
  return parsed.value;
}

export interface ResolvedSettings {
  values: SettingsValues;
  sources: Record<string, SettingSource>;
}

/**
 * Default < stored setting < environment variable. A stored value that no longer validates (an
 * older build wrote it, or the range changed) is ignored rather than trusted; a bad environment
 * variable is an error the user must fix.
 */
export function resolveSettings(
  env: NodeJS.ProcessEnv,
  stored: ReadonlyMap<string, unknown> = new Map(),
): ResolvedSettings {
  const values: SettingsValues = {};
  const sources: Record<string, SettingSource> = {};
  for (const spec of settingSpecs) {
    const raw = env[settingEnvName(spec.key)];
    if (raw !== undefined && raw !== '') {
      values[spec.key] = parseEnv(spec, raw);
      sources[spec.key] = 'env';
      continue;
    }
    const value = stored.get(spec.key);
    const valid = settingValueValid(spec, value);
    values[spec.key] = valid ? value : spec.default;
    sources[spec.key] = valid ? 'stored' : 'default';
  }
  const problems = settingsProblems(values);
  if (problems.length > 0) throw new ConfigError(`inconsistent settings: ${problems.join('; ')}`);
  return { values, sources };
}

/** Defaults overridden by LIFELINE_* environment variables (docs/self-healing.md lists them). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stored?: ReadonlyMap<string, unknown>): EngineConfig {
  return configFromSettings(resolveSettings(env, stored).values);
}
