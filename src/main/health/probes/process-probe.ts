import type { HealthConfig } from '../../config/config';
import { mib, type HealthProbe, type ProbeReport } from '../health-probe';

/** The engine process itself: memory (RSS) and CPU used since the last check. */
export function processProbe(config: () => HealthConfig): HealthProbe {
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
      return rss > config().memoryAmberMb * 1024 ** 2 ? { status: 'degraded', message: `${message} (over ${config().memoryAmberMb} MiB)` } : { status: 'up', message };
    },
  };
}
