import type { BreakerView } from '../../breakers/breaker-board';
import { formatElapsed } from '../../../shared/text/format-elapsed';
import { howLong } from '../../../shared/text/how-long';
import type { ProbeAnswer, StageService } from '../../engine/stage-handler';
import type { HealthProbe, ProbeReport } from '../health-probe';

/**
 * An external service of a stage. Its own probe exercises the real work (a tiny transcription, the
 * model listed by the server) and runs whatever the breaker says, so "Check now" and the re-checks
 * of a service that is down really reach it. The breaker adds what the real calls saw: a service
 * whose recent calls failed is not "up", whatever its check says. `current` is the service as the
 * settings have it now (a changed server address is probed at its new address); the name, label and
 * whether it is required are taken once, and a change of those replaces the probe (service-roster.ts).
 */
export function serviceProbe(
  current: () => StageService,
  breaker: () => BreakerView | undefined,
  /** Told what the service's own check found (apart from the breaker): the engine parks on a failing check only. */
  onCheck: (name: string, failure: string | null) => void = () => undefined,
): HealthProbe {
  const { name, label, required } = current();
  return {
    name,
    label,
    required: required ?? true,
    gatesStartup: true,
    async check(signal): Promise<ProbeReport> {
      const service = current();
      if (service.enabled === false) return { status: 'disabled', message: 'switched off' };
      let latencyMs: number | null = null;
      let answer: void | ProbeAnswer = undefined;
      if (service.probe) {
        const t = performance.now();
        const seen = breaker();
        try {
          answer = await service.probe(signal, {
            fresh: seen !== undefined && (seen.state !== 'closed' || seen.consecutiveFailures > 0),
          });
        } catch (err: unknown) {
          onCheck(name, signal.aborted ? "no answer within the check's time" : (err as Error).message);
          const b = breaker();
          if (b?.state !== 'open') throw err;
          // Both the real calls and the check fail: certain, shown at once.
          return {
            status: 'down',
            explicit: true,
            message: `circuit open (${b.reason ?? 'failing'}); its check fails too: ${(err as Error).message}`,
          };
        }
        // A check answered from an earlier one reports that one's time, not the look-up's.
        latencyMs = answer ? ('tookMs' in answer ? answer.tookMs : null) : performance.now() - t;
        onCheck(name, null);
      }
      const b = breaker();
      const answered = !service.probe
        ? 'no check of its own'
        : answer && 'firstRunning' in answer
          ? 'its first check is still running'
          : `its check passes (${checkText(latencyMs, answer)})`;
      // Real calls failed although it answers its check: its items wait for the breaker's probe.
      if (b?.state === 'open')
        return {
          status: 'down',
          explicit: true,
          latencyMs,
          message: `circuit open: ${b.reason ?? 'failing'}; ${answered}, so one item will test it when the open time is up`,
        };
      if (b?.state === 'half_open')
        return { status: 'degraded', latencyMs, message: `${answered}; circuit half-open: trying one item` };
      if (b && b.consecutiveFailures > 0) {
        const n = b.consecutiveFailures;
        return {
          status: 'degraded',
          latencyMs,
          message: `${answered}, but its last ${n === 1 ? 'call' : `${n} calls`} failed`,
        };
      }
      return {
        status: 'up',
        latencyMs,
        message: upText(latencyMs, answer),
      };
    },
  };
}

/** "answered in 35 ms", or, from an earlier check: "its last check passed 3 min ago (took 1.2 s); …". */
function upText(latencyMs: number | null, answer: void | ProbeAnswer): string {
  // A service with no check of its own has no time to show; a first check still running has none yet.
  if (answer && 'firstRunning' in answer) return 'its first check is running; no failures seen';
  if (latencyMs === null) return 'no failures seen';
  if (answer && answer.ageMs >= 1000)
    return `its last check passed ${howLong(answer.ageMs)} ago (took ${formatElapsed(latencyMs)}); that answer stands for a few minutes`;
  return `answered in ${formatElapsed(latencyMs)}`;
}

/** What the check took, for a sentence about a breaker: "35 ms", "1.2 s, 3 min ago". */
function checkText(latencyMs: number | null, answer: void | ProbeAnswer): string {
  if (latencyMs === null) return 'no time measured';
  if (answer && 'ageMs' in answer && answer.ageMs >= 1000)
    return `${formatElapsed(latencyMs)}, ${howLong(answer.ageMs)} ago`;
  return formatElapsed(latencyMs);
}
