import { plural } from '../../../shared/text/plural';
import { howLong } from '../../../shared/text/how-long';
import type { HealthConfig } from '../../config/config';
import type { WorkerLiveness } from '../../engine/stage-executor';
import { mib, type HealthProbe, type ProbeReport } from '../health-probe';

/**
 * How the engine's check names its process for people ("pid 32185 on laptop, running for 12 min"), which
 * is also enough for another process on this host to tell whether it still runs. The full lease owner
 * id ("host:pid:startedAt") is for developers: the engine logs it when it starts.
 */
const processPattern = /\bpid (\d+) on (\S+), running for /;

/**
 * The engine process named in an engine check's message, as an owner id another process can test with
 * `ownerIsGone` (host and pid; its start time is not said, so it is 0), or null when none is named.
 */
export function engineOwnerIn(message: string): string | null {
  const m = processPattern.exec(message);
  return m ? `${m[2]}:${m[1]}:0` : null;
}

/** "1 of up to 4 worker processes running", or that stages run in this process. */
function workersText(w: WorkerLiveness): string {
  if (w.mode === 'in-process') return 'stages run in this process';
  const running = w.ready + w.silent + w.starting;
  if (running === 0) return `no worker process running (up to ${w.expected}, started on demand)`;
  return `${running} of up to ${plural(w.expected, 'worker process', 'worker processes')} running`;
}

/**
 * The engine process itself: memory (RSS) and CPU used since the last check, and what a person needs to
 * find it (pid, how long it has run, how many worker processes it has). `owner` is its lease owner id.
 */
export function processProbe(
  config: () => HealthConfig,
  owner: string,
  workers: () => WorkerLiveness,
  now: () => number,
): HealthProbe {
  const [host = '?', pid = '?', startedText = ''] = owner.split(':');
  const startedAt = Number(startedText);
  let last = { cpu: process.cpuUsage(), at: performance.now() };
  return {
    name: 'engine',
    label: 'Engine',
    required: true,
    check(): ProbeReport {
      const rss = process.memoryUsage().rss;
      const cpu = process.cpuUsage(last.cpu);
      const t = performance.now();
      const percent = (100 * (cpu.user + cpu.system)) / 1000 / Math.max(1, t - last.at);
      last = { cpu: process.cpuUsage(), at: t };
      const over = rss > config().memoryAmberMb * 1024 ** 2;
      const usage = `${mib(rss)} memory${over ? ` (over ${config().memoryAmberMb} MiB)` : ''}, ${percent.toFixed(0)}% CPU`;
      const since = Number.isFinite(startedAt) ? howLong(now() - startedAt) : 'a while';
      const message = `${usage}; pid ${pid} on ${host}, running for ${since}; ${workersText(workers())}`;
      return { status: over ? 'degraded' : 'up', message };
    },
  };
}
