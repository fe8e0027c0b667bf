import type { BreakerView } from '../../breakers/breaker-board';
import type { StageService } from '../../engine/stage-handler';
import type { HealthProbe, ProbeReport } from '../health-probe';

/**
 * An external service of a stage: its breaker says what the real work saw; its own probe (when it
 * has one) measures latency and catches an outage before a job does. `current` is the service as the
 * settings have it now (a changed server address is probed at its new address); the name, label and
 * whether it is required are taken once, and a change of those replaces the probe (service-roster.ts).
 */
export function serviceProbe(current: () => StageService, breaker: () => BreakerView | undefined): HealthProbe {
  const { name, label, required } = current();
  return {
    name,
    label,
    required: required ?? true,
    gatesStartup: true,
    async check(signal): Promise<ProbeReport> {
      const service = current();
      if (service.enabled === false) return { status: 'disabled', message: 'switched off' };
      const b = breaker();
      if (b?.state === 'open') return { status: 'down', explicit: true, message: `circuit open: ${b.reason ?? 'failing'}` };
      let latencyMs: number | null = null;
      if (service.probe) {
        const t = performance.now();
        await service.probe(signal);
        latencyMs = performance.now() - t;
      }
      if (b?.state === 'half_open') return { status: 'degraded', latencyMs, message: 'circuit half-open: trying one item' };
      return { status: 'up', latencyMs, message: latencyMs === null ? 'no failures seen' : `answered in ${latencyMs.toFixed(0)} ms` };
    },
  };
}
