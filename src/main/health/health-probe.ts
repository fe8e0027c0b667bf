import type { ProbeStatus } from './health-rollup-policy';

/** What a probe reports; the monitor adds the time and, unless given, the latency. */
export interface ProbeReport {
  status: ProbeStatus;
  message: string;
  latencyMs?: number | null;
  /** Certain failure: shown without damping (see health-rollup-policy.ts). */
  explicit?: boolean;
}

/** One health check of one service (the database, the disk, an ASR engine, the workers…). */
export interface HealthProbe {
  name: string;
  label: string;
  /** Work stops without it: red when down. */
  required: boolean;
  /**
   * An external service the work needs (the database, the disk, a stage's server): when required,
   * the startup gate waits for it to answer at this start. Default false: the worker processes and
   * the engine itself report their own start-up and are not waited for.
   */
  gatesStartup?: boolean;
  /** Checks once. A probe that throws or outlives the timeout reports `down`. */
  check(signal: AbortSignal): Promise<ProbeReport> | ProbeReport;
}

export const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
