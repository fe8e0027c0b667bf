import type { HealthConfig } from '../../config/config';
import { mib, type HealthProbe, type ProbeReport } from '../health-probe';

/** How the engine's check names its process ("host:pid:startedAt"), so another process can tell at once whether it still runs. */
const ownerNote = (owner: string) => `; process ${owner}`;
const ownerPattern = /; process (\S+)$/;

/** The engine process named in an engine check's message, if any. */
export function engineOwnerIn(message: string): string | null {
  return ownerPattern.exec(message)?.[1] ?? null;
}

/** The engine process itself: memory (RSS) and CPU used since the last check. `owner` names the process (its lease owner id). */
export function processProbe(config: () => HealthConfig, owner: string): HealthProbe {
  let last = { cpu: process.cpuUsage(), at: performance.now() };
  return {
    name: 'engine',
    label: 'Engine',
    required: true,
    check(): ProbeReport {
      const rss = process.memoryUsage().rss;
      const cpu = process.cpuUsage(last.cpu);
      const now = performance.now();
      const percent = (100 * (cpu.user + cpu.system)) / 1000 / Math.max(1, now - last.at);
      last = { cpu: process.cpuUsage(), at: now };
      const message = `${mib(rss)} memory, ${percent.toFixed(0)}% CPU`;
      return rss > config().memoryAmberMb * 1024 ** 2
        ? { status: 'degraded', message: `${message} (over ${config().memoryAmberMb} MiB)${ownerNote(owner)}` }
        : { status: 'up', message: `${message}${ownerNote(owner)}` };
    },
  };
}
