import type { Stage } from './model';
import { stages } from './names';

/**
 * Every interval, timeout and threshold Lifeline has, as one flat list: the Settings screen renders
 * it, `settings:set` validates against it, docs/self-healing.md lists it, and LIFELINE_* environment
 * variables override it. Precedence: default < stored setting < environment variable.
 */
export type SettingUnit =
  'ms' | 'bytes' | 'MiB' | 'count' | 'percent' | 'ratio' | 'factor' | 'flag' | 'days' | 'choice' | 'text';

interface SpecBase {
  key: string;
  doc: string;
  /** Read only when the app starts: a change applies at the next start. */
  atStart?: boolean;
}
export interface NumberSpec extends SpecBase {
  kind: 'int' | 'number';
  default: number;
  min: number;
  max: number;
  unit: SettingUnit;
}
export interface FlagSpec extends SpecBase {
  kind: 'boolean';
  default: boolean;
  unit: 'flag';
}
/** One of a fixed list of names (an engine). */
export interface ChoiceSpec extends SpecBase {
  kind: 'choice';
  default: string;
  choices: readonly string[];
  unit: 'choice';
}
/**
 * Free text; the empty string means "not set". `url` must be an http(s) address; `directory` and
 * `file` are paths the main process checks exist when they are written (the contract cannot look).
 */
export interface TextSpec extends SpecBase {
  kind: 'text';
  format: 'url' | 'directory' | 'file' | 'plain';
  default: string;
  unit: 'text';
}
export type SettingSpec = NumberSpec | FlagSpec | ChoiceSpec | TextSpec;

const DAY = 86_400_000;
const int = (key: string, def: number, min: number, max: number, unit: SettingUnit, doc: string): NumberSpec => ({
  key,
  kind: 'int',
  default: def,
  min,
  max,
  unit,
  doc,
});
const num = (key: string, def: number, min: number, max: number, unit: SettingUnit, doc: string): NumberSpec => ({
  key,
  kind: 'number',
  default: def,
  min,
  max,
  unit,
  doc,
});
const flag = (key: string, def: boolean, doc: string): FlagSpec => ({
  key,
  kind: 'boolean',
  default: def,
  unit: 'flag',
  doc,
});
const choice = (key: string, def: string, choices: readonly string[], doc: string): ChoiceSpec => ({
  key,
  kind: 'choice',
  default: def,
  choices,
  unit: 'choice',
  doc,
});
const text = (key: string, format: TextSpec['format'], doc: string): TextSpec => ({
  key,
  kind: 'text',
  format,
  default: '',
  unit: 'text',
  doc,
});
const atStart = <T extends SettingSpec>(spec: T): T => ({ ...spec, atStart: true });

export const asrEngineChoices = ['auto', 'whisper', 'pocketsphinx', 'openai', 'whisper-server'] as const;
/** `memo`: the memo language model shipped in resources/asr; `general`: Debian's general English model. */
export const asrLanguageModelChoices = ['memo', 'general'] as const;
export const backupScheduleChoices = ['hourly', 'daily', 'weekly', 'off'] as const;
export const llmEngineChoices = ['rules', 'ollama', 'openai'] as const;

/** Engines and the watch folder. API keys are not here on purpose: they stay in the environment, never in the database. */
const engineSpecs: SettingSpec[] = [
  choice(
    'asr.engine',
    'auto',
    asrEngineChoices,
    'auto picks whisper when a model is downloaded, else pocketsphinx; openai and whisper-server send the audio to the server address below. Applies to the next job.',
  ),
  text(
    'asr.url',
    'url',
    'Where the openai and whisper-server engines send audio, e.g. http://127.0.0.1:8080. Applies to the next job.',
  ),
  text(
    'asr.model',
    'plain',
    'Asked of an OpenAI-compatible server with each recording (empty: whisper-1). Applies to the next job.',
  ),
  text(
    'asr.language',
    'plain',
    'A code such as en or de (empty: the engine default, en for whisper). Applies to the next job.',
  ),
  choice(
    'asr.languageModel',
    'memo',
    asrLanguageModelChoices,
    "For pocketsphinx only. memo suits short voice memos (appointments, reminders, people): 9.0 % of words wrong on memos it was not built from, against 16.2 % with general. general (Debian's English model) suits ordinary notes, lectures or a diary: 5.9 % wrong on five ordinary sentences, against 10.4 % with memo. Applies to the next job.",
  ),
  text(
    'whisper.model',
    'file',
    'A ggml .bin model file for whisper (empty: the best downloaded model). Applies to the next job.',
  ),
  choice(
    'llm.engine',
    'rules',
    llmEngineChoices,
    'rules works offline; ollama and openai ask a language model on a server to find the memories in a transcript. Applies to the next job.',
  ),
  text(
    'llm.url',
    'url',
    'Server address for the ollama and openai extractors (empty: http://127.0.0.1:11434 for Ollama). Applies to the next job.',
  ),
  text(
    'llm.model',
    'plain',
    'Asked of the Ollama or OpenAI-compatible server (empty: llama3.2 for Ollama, gpt-4o-mini for OpenAI). Applies to the next job.',
  ),
  text(
    'watchDir',
    'directory',
    'A folder whose new audio files are added by themselves (empty: none). Switches at once.',
  ),
  text(
    'addFromDir',
    'directory',
    'Outside your home, the app and the browser may add files only from here (empty: only your home and the watch folder). lifeline add takes any file you can read.',
  ),
];
const notifySpecs: SettingSpec[] = [
  flag('notify.deadLetters', true, 'The desktop app notifies when an item becomes a dead letter.'),
  flag('notify.serviceRed', true, 'The desktop app notifies when a service turns red.'),
];

const stageDefaults: Record<Stage, { concurrency: number; maxAttempts: number; maxDurationMs: number }> = {
  ingest: { concurrency: 2, maxAttempts: 3, maxDurationMs: 30 * 60_000 },
  transcribe: { concurrency: 1, maxAttempts: 5, maxDurationMs: 3 * 3_600_000 },
  extract: { concurrency: 2, maxAttempts: 5, maxDurationMs: 30 * 60_000 },
  index: { concurrency: 2, maxAttempts: 3, maxDurationMs: 10 * 60_000 },
};

const perStage = stages.flatMap((s) => [
  int(
    `concurrency.${s}`,
    stageDefaults[s].concurrency,
    0,
    64,
    'count',
    `How many ${s} jobs may run together; 0 stops the stage and its items wait.`,
  ),
  int(
    `maxAttempts.${s}`,
    stageDefaults[s].maxAttempts,
    1,
    100,
    'count',
    `An item whose ${s} fails this many times becomes a dead letter, with its audio kept.`,
  ),
  int(
    `maxDurationMs.${s}`,
    stageDefaults[s].maxDurationMs,
    1_000,
    7 * DAY,
    'ms',
    `Past this, a ${s} job is taken as stuck and recovered.`,
  ),
  flag(
    `paused.${s}`,
    false,
    `While on, ${s} jobs wait (running ones finish) and nothing is lost; off lets them through.`,
  ),
]);

export const settingSpecs: readonly SettingSpec[] = [
  ...engineSpecs,
  atStart(
    int(
      'workers',
      4,
      0,
      64,
      'count',
      'At most this many run stage work at once, each started when a job of its stage needs it; 0 runs stages inside the engine process, so a crash there is not isolated. Read at start.',
    ),
  ),
  atStart(
    int(
      'workerMaxHeapMb',
      2048,
      64,
      65_536,
      'MiB',
      'Heap limit of one worker process; a worker over it dies alone and is replaced. Read at start.',
    ),
  ),
  atStart(
    int(
      'workerIdleMs',
      60_000,
      1_000,
      DAY,
      'ms',
      'A worker process with no job for this long exits; the next job of its stage starts one again (a wait of about a second). Read at start.',
    ),
  ),
  int('heartbeatMs', 1_000, 50, 60_000, 'ms', 'How often a running job renews its lease and reports progress.'),
  int(
    'leaseMs',
    10_000,
    200,
    3_600_000,
    'ms',
    'A job whose lease is not renewed for this long has lost its worker (gone or hung) and is recovered; at least twice the heartbeat interval.',
  ),
  int('stuckScanMs', 2_000, 50, 600_000, 'ms', 'How often the stuck scan runs.'),
  int(
    'progressStallMs',
    5 * 60_000,
    1_000,
    DAY,
    'ms',
    'A job whose reported progress has not changed for this long is stuck.',
  ),
  int(
    'maxRecoveries',
    5,
    0,
    100,
    'count',
    'A job recovered more often than this (its worker died or hung each time) becomes a dead letter, with its audio kept.',
  ),
  int(
    'resumeMinProgressPercent',
    5,
    0,
    100,
    'percent',
    'Progress needed before a recovery resumes from a checkpoint instead of restarting the stage.',
  ),
  int(
    'clockJumpToleranceMs',
    5_000,
    500,
    600_000,
    'ms',
    'Wall-clock time gained over monotonic time beyond this is a suspend: leases are extended, nothing is recovered.',
  ),
  int('idlePollMs', 1_000, 20, 60_000, 'ms', 'How often the engine looks for work when nothing woke it.'),
  atStart(
    int('changePollMs', 250, 20, 60_000, 'ms', "How often other processes' writes are looked for. Read at start."),
  ),
  int(
    'availabilityMs',
    5_000,
    50,
    600_000,
    'ms',
    'How often stage availability (engines configured, breakers, disk) is re-checked.',
  ),
  int(
    'shutdownGraceMs',
    30_000,
    0,
    3_600_000,
    'ms',
    'Time running jobs get to finish at shutdown before they are released.',
  ),
  atStart(
    int(
      'workerStopMs',
      2_000,
      0,
      60_000,
      'ms',
      'A worker asked to stop that has not exited within this is killed. Read at start.',
    ),
  ),
  int(
    'emergencyWriteAttempts',
    8,
    1,
    100,
    'count',
    "When a job's normal failure write fails, its status is written again up to this many times so the job is not left running.",
  ),
  int(
    'emergencyWriteBaseMs',
    100,
    1,
    60_000,
    'ms',
    'The wait before the second emergency write; it doubles for each further try.',
  ),
  int(
    'backoffBaseMs',
    2_000,
    0,
    3_600_000,
    'ms',
    'After the first failed attempt the wait is random up to this; the ceiling doubles with each further attempt.',
  ),
  int('backoffCapMs', 5 * 60_000, 0, DAY, 'ms', 'No retry waits longer than this.'),
  ...perStage,
  int(
    'breaker.consecutiveFailures',
    5,
    1,
    1_000,
    'count',
    'Service faults one after another (an error in a file does not count); a success starts the count again.',
  ),
  num(
    'breaker.failureRate',
    0.5,
    0.01,
    1,
    'ratio',
    'As a share of the calls in the window, 0 to 1 (0.5 is half); reaching it opens the breaker.',
  ),
  int('breaker.windowMs', 60_000, 1_000, DAY, 'ms', 'The recent span whose calls the failure rate counts.'),
  int(
    'breaker.minimumCalls',
    10,
    1,
    100_000,
    'count',
    'With fewer calls than this in the window, the failure rate opens nothing: two failures in three calls are not yet a trend.',
  ),
  int(
    'breaker.openMs',
    30_000,
    100,
    DAY,
    'ms',
    'After this, one item is tried (half-open): success closes the breaker, failure opens it again for longer.',
  ),
  num('breaker.openBackoff', 2, 1, 10, 'factor', 'Each reopening without a close multiplies the open time by this.'),
  int(
    'breaker.openMaxMs',
    10 * 60_000,
    100,
    DAY,
    'ms',
    'However often a breaker reopens, it stays open no longer than this.',
  ),
  int(
    'breaker.closeAfterSuccesses',
    1,
    1,
    100,
    'count',
    'Items tried while half-open that must succeed before the stage runs normally again.',
  ),
  int(
    'autoRecovery.cooldownMs',
    60_000,
    0,
    DAY,
    'ms',
    'After a recovery runs for a service (a restart, a reconnect), the next one for that service waits this long.',
  ),
  int(
    'autoRecovery.maxAttempts',
    3,
    1,
    100,
    'count',
    'When this many recoveries have not helped, the service turns red and says it needs you.',
  ),
  num('autoRecovery.backoff', 2, 1, 10, 'factor', 'Each failed auto-recovery multiplies the cooldown by this.'),
  int('health.intervalMs', 30_000, 100, DAY, 'ms', 'How often every health probe runs.'),
  int('health.probeTimeoutMs', 5_000, 50, 600_000, 'ms', 'A probe that has not answered by then has failed.'),
  int(
    'health.failuresBeforeAlert',
    3,
    1,
    100,
    'count',
    'Failed probes in a row before a service turns amber or red (an explicit "down" is at once).',
  ),
  int('health.historySize', 100, 1, 10_000, 'count', 'Results kept per probe, for uptime and history.'),
  int(
    'health.startupTimeoutMs',
    30_000,
    0,
    3_600_000,
    'ms',
    'At start, work waits up to this long for the required services to answer, then begins anyway.',
  ),
  int(
    'health.diskAmberBytes',
    1024 ** 3,
    0,
    2 ** 50,
    'bytes',
    'Free space in the data dir below this turns disk amber.',
  ),
  int(
    'health.diskRedBytes',
    200 * 1024 ** 2,
    0,
    2 ** 50,
    'bytes',
    'Below this free space, no new audio is taken and stages wait; both resume when space returns.',
  ),
  int(
    'health.queueLagAmberMs',
    30 * 60_000,
    1_000,
    30 * DAY,
    'ms',
    'A runnable job queued longer than this turns the queue amber.',
  ),
  int(
    'health.memoryAmberMb',
    1_500,
    64,
    65_536,
    'MiB',
    'Engine process memory (RSS) above this turns the engine amber.',
  ),
  int(
    'retention.doneEventsDays',
    30,
    1,
    3_650,
    'days',
    'Cleanup drops routine events (started, due, waiting…) of items done longer ago than this.',
  ),
  choice(
    'backup.schedule',
    'daily',
    backupScheduleChoices,
    'How often the store is backed up while Lifeline runs (an online copy, verified): hourly, daily at 04:00, weekly on Sundays at 04:00, or off.',
  ),
  int('backup.keep', 7, 1, 365, 'count', 'Backups kept in backups/; taking one more deletes the oldest.'),
  ...notifySpecs,
];

export type SettingValue = number | boolean | string;
export type SettingsValues = Record<string, SettingValue>;

const byKey = new Map(settingSpecs.map((s) => [s.key, s]));

export function settingSpec(key: string): SettingSpec | undefined {
  return byKey.get(key);
}

/** LIFELINE_ + the key in upper snake case: `breaker.openMs` → `LIFELINE_BREAKER_OPEN_MS`. */
export function settingEnvName(key: string): string {
  return `LIFELINE_${key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase()}`;
}

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
};

/**
 * Whether a value is valid for the setting; the main process checks paths exist besides. Plain
 * code rather than a schema, so that reading the settings loads no schema library (the CLI's
 * `status` starts in a fraction of a second); `settingValueSchema` wraps it for the contract.
 */
export function settingValueValid(spec: SettingSpec, value: unknown): value is SettingValue {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max;
    case 'choice':
      return typeof value === 'string' && spec.choices.includes(value);
    case 'text':
      if (typeof value !== 'string') return false;
      if (spec.format === 'url') return value === '' || (value.length <= 2048 && isHttpUrl(value));
      return value.length <= 4096 && !value.includes('\0');
    default:
      return missing(spec);
  }
}

/** What the setting accepts, as the end of a sentence: "must be …". */
export function settingExpectation(spec: SettingSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'true or false';
    case 'int':
      return `a whole number in ${spec.min}–${spec.max}`;
    case 'number':
      return `a number in ${spec.min}–${spec.max}`;
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
    case 'text':
      switch (spec.format) {
        case 'url':
          return 'an http:// or https:// address (or empty)';
        case 'directory':
          return 'the path of an existing folder (or empty)';
        case 'file':
          return 'the path of an existing file (or empty)';
        case 'plain':
          return 'text';
        default:
          return missing(spec.format);
      }
    default:
      return missing(spec);
  }
}

function missing(value: never): never {
  throw new Error(`unhandled setting kind: ${JSON.stringify(value)}`);
}

export function defaultSettings(): SettingsValues {
  return Object.fromEntries(settingSpecs.map((s) => [s.key, s.default]));
}

/** Rules that tie settings together; returns sentences, empty when the set is consistent. */
export function settingsProblems(v: SettingsValues): string[] {
  const n = (k: string) => v[k] as number;
  const problems: string[] = [];
  if (n('leaseMs') < 2 * n('heartbeatMs'))
    problems.push('leaseMs must be at least twice heartbeatMs, or a single late heartbeat loses the lease');
  if (n('health.diskRedBytes') > n('health.diskAmberBytes'))
    problems.push('health.diskRedBytes must not exceed health.diskAmberBytes');
  if (n('breaker.openMs') > n('breaker.openMaxMs')) problems.push('breaker.openMs must not exceed breaker.openMaxMs');
  if (n('backoffBaseMs') > n('backoffCapMs')) problems.push('backoffBaseMs must not exceed backoffCapMs');
  return problems;
}
