import type { Stage } from './model';
import type { SettingGroupId } from './setting-groups';

const stageNames: Record<Stage, string> = {
  ingest: 'Ingest',
  transcribe: 'Transcribe',
  extract: 'Extract',
  index: 'Index',
};

/** Names people read on the Settings screen; the key stays beside it for the CLI and the environment. */
const labels: Record<string, string> = {
  'asr.engine': 'Transcription engine',
  'asr.url': 'Transcription server address',
  'asr.model': 'Transcription server model',
  'asr.language': 'Spoken language',
  'asr.languageModel': 'Pocketsphinx language model',
  'whisper.model': 'Whisper model file',
  'llm.engine': 'Memory extractor',
  'llm.url': 'Language model server address',
  'llm.model': 'Language model name',
  watchDir: 'Watch folder',
  addFromDir: 'Another folder the app may add from',
  workers: 'Worker processes',
  workerMaxHeapMb: 'Memory limit per worker',
  workerIdleMs: 'Idle worker exits after',
  heartbeatMs: 'Heartbeat interval',
  leaseMs: 'Heartbeat timeout',
  stuckScanMs: 'Stuck check interval',
  progressStallMs: 'Progress stall limit',
  maxRecoveries: 'Recoveries before dead letter',
  resumeMinProgressPercent: 'Progress needed to resume',
  clockJumpToleranceMs: 'Sleep detection threshold',
  idlePollMs: 'Idle check interval',
  changePollMs: 'Other-process check interval',
  availabilityMs: 'Stage availability check interval',
  shutdownGraceMs: 'Shutdown grace period',
  workerStopMs: 'Worker stop timeout',
  emergencyWriteAttempts: 'Emergency write tries',
  emergencyWriteBaseMs: 'Emergency write first delay',
  backoffBaseMs: 'First retry delay',
  backoffCapMs: 'Longest retry delay',
  'breaker.consecutiveFailures': 'Failures in a row that open a breaker',
  'breaker.failureRate': 'Failure rate that opens a breaker',
  'breaker.windowMs': 'Failure rate window',
  'breaker.minimumCalls': 'Calls before the failure rate counts',
  'breaker.openMs': 'First open time',
  'breaker.openBackoff': 'Open time growth',
  'breaker.openMaxMs': 'Longest open time',
  'breaker.closeAfterSuccesses': 'Successful tries that close a breaker',
  'autoRecovery.cooldownMs': 'Auto-recovery pause',
  'autoRecovery.maxAttempts': 'Auto-recovery tries',
  'autoRecovery.backoff': 'Auto-recovery pause growth',
  'health.intervalMs': 'Health check interval',
  'health.probeTimeoutMs': 'Health check timeout',
  'health.failuresBeforeAlert': 'Failed checks before an alert',
  'health.historySize': 'Checks kept per service',
  'health.startupTimeoutMs': 'Start-up wait for services',
  'health.diskAmberBytes': 'Low disk warning below',
  'health.diskRedBytes': 'Intake pauses below',
  'health.queueLagAmberMs': 'Queue wait warning after',
  'health.memoryAmberMb': 'Engine memory warning above',
  'retention.doneEventsDays': 'Keep routine history for',
  'notify.deadLetters': 'Notify about dead letters',
  'notify.serviceRed': 'Notify when Lifeline stops working',
};

const perStage: [RegExp, (stage: string) => string][] = [
  [/^concurrency\.(\w+)$/, (s) => `${s}: jobs at once`],
  [/^maxAttempts\.(\w+)$/, (s) => `${s}: attempts before dead letter`],
  [/^maxDurationMs\.(\w+)$/, (s) => `${s}: longest run`],
  [/^paused\.(\w+)$/, (s) => `${s}: paused`],
];

/** "queueLagAmberMs" → "Queue lag amber": a readable fall-back for a setting added without a label. */
function humanise(key: string): string {
  const last = key
    .split('.')
    .pop()!
    .replace(/(Ms|Bytes|Mb|Days)$/, '');
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The name a person reads for a setting. */
export function settingLabel(key: string): string {
  if (labels[key]) return labels[key];
  for (const [pattern, label] of perStage) {
    const m = pattern.exec(key);
    if (m) return label(stageNames[m[1] as Stage] ?? m[1]!);
  }
  return humanise(key);
}

/** The sections most people need; the rest sit behind "Advanced settings". */
const basicGroups: ReadonlySet<SettingGroupId> = new Set(['engines', 'intake', 'notifications']);

export function isBasicGroup(group: SettingGroupId): boolean {
  return basicGroups.has(group);
}
