import type { Clock } from '../time/clock';
import type { HealthProbe } from './health-probe';
import type { ProbeResult } from './health-rollup-policy';

/**
 * Runs one probe once. One that throws, or has not answered within `timeoutMs` (its signal is then
 * aborted), reports `down` with the reason; the latency is measured unless the probe gives its own.
 */
export async function runProbe(probe: HealthProbe, timeoutMs: number, clock: Clock): Promise<ProbeResult> {
  const ac = new AbortController();
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort(new Error('timed out'));
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const report = await Promise.race([Promise.resolve().then(() => probe.check(ac.signal)), timeout]);
    return {
      ...report,
      latencyMs: report.latencyMs === undefined ? performance.now() - t : report.latencyMs,
      at: clock.now(),
    };
  } catch (err: unknown) {
    return {
      status: 'down',
      message: err instanceof Error ? err.message : String(err),
      latencyMs: null,
      at: clock.now(),
    };
  } finally {
    clearTimeout(timer);
  }
}
