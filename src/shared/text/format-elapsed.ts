/** Milliseconds as a person reads them: "< 0.1 ms", "0.4 ms", "35 ms", "2.1 s", "3 min", "1.5 h". */
export function formatElapsed(ms: number): string {
  // A step that took no measurable time is not "0.0 ms" (nor "0 ms").
  if (ms < 0.05) return '< 0.1 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
