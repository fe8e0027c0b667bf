/** Where free space stands against the health thresholds: `full` refuses intake and parks work. */
export type DiskLevel = 'ok' | 'low' | 'full';

export interface DiskThresholds {
  /** Free bytes below which the disk is low (amber). */
  diskAmberBytes: number;
  /** Free bytes below which the disk is full (red): intake is refused, work waits. */
  diskRedBytes: number;
}

export function diskLevel(freeBytes: number, t: DiskThresholds): DiskLevel {
  if (freeBytes < t.diskRedBytes) return 'full';
  if (freeBytes < t.diskAmberBytes) return 'low';
  return 'ok';
}

/** Looked at every few seconds while space is short, so intake resumes soon after space returns; at the health pace otherwise, ms. */
export function nextDiskLookMs(level: DiskLevel, healthIntervalMs: number): number {
  return level === 'ok' ? healthIntervalMs : Math.min(3_000, healthIntervalMs);
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

/** The one sentence a refused intake (CLI, API, upload, recording) shows. */
export function diskFullMessage(freeBytes: number, t: DiskThresholds, what: string): string {
  return `the disk is full (${mib(freeBytes)} free, Lifeline needs ${mib(t.diskRedBytes)}): ${what} was not accepted; free some space and try again`;
}
