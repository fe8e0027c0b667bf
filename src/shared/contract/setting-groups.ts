/** The sections of the Settings screen, in order, and which settings each holds. */
export const settingGroups = [
  { id: 'engines', title: 'Engines' },
  { id: 'intake', title: 'Intake / watch folder' },
  { id: 'workers', title: 'Workers & concurrency' },
  { id: 'timeouts', title: 'Timeouts & retries' },
  { id: 'breakers', title: 'Circuit breakers' },
  { id: 'health', title: 'Health' },
  { id: 'retention', title: 'Retention' },
  { id: 'backups', title: 'Backups' },
  { id: 'notifications', title: 'Notifications' },
] as const;
export type SettingGroupId = (typeof settingGroups)[number]['id'];

const workerKeys = new Set(['workers', 'workerMaxHeapMb', 'workerIdleMs', 'workerStopMs']);

export function settingGroupOf(key: string): SettingGroupId {
  if (/^(asr|llm|whisper)\./.test(key)) return 'engines';
  if (key === 'watchDir' || key === 'addFromDir') return 'intake';
  if (workerKeys.has(key) || /^(concurrency|paused)\./.test(key)) return 'workers';
  if (key.startsWith('breaker.') || key.startsWith('autoRecovery.')) return 'breakers';
  if (key.startsWith('health.')) return 'health';
  if (key.startsWith('retention.')) return 'retention';
  if (key.startsWith('backup.')) return 'backups';
  if (key.startsWith('notify.')) return 'notifications';
  return 'timeouts';
}
