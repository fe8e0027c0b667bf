import type { HealthConfig } from '../../config/config';
import type { DiskGuard } from '../../disk/disk-guard';
import type { LogSinkStatus } from '../../log/logger';
import { mib, type HealthProbe, type ProbeReport } from '../health-probe';

/**
 * Free space where the store and the audio copies live, and whether the log file takes its lines.
 * Amber below `diskAmberBytes` or while log lines are dropped; red below `diskRedBytes`, when intake
 * is refused and the engine parks its work (see lifeline.ts) until space returns.
 */
export function diskProbe(
  dataDir: string,
  config: () => HealthConfig,
  disk: DiskGuard,
  logStatus: () => LogSinkStatus | null,
): HealthProbe {
  return {
    name: 'disk',
    label: 'Disk space',
    required: true,
    gatesStartup: true,
    async check(): Promise<ProbeReport> {
      const { freeBytes: free, level } = await disk.read();
      const { diskRedBytes } = config();
      const logs = logStatus();
      const dropping = logs?.failing ? `; log lines are being dropped (${logs.dropped} so far, ${logs.failing})` : '';
      if (level === 'full') {
        return {
          status: 'down',
          explicit: true,
          message: `only ${mib(free)} free for ${dataDir}; new recordings are refused and work waits until there is ${mib(diskRedBytes)}${dropping}`,
        };
      }
      if (level === 'low')
        return {
          status: 'degraded',
          explicit: true,
          message: `${mib(free)} free for ${dataDir}, running low${dropping}`,
        };
      if (dropping)
        return { status: 'degraded', explicit: true, message: `${(free / 1024 ** 3).toFixed(1)} GiB free${dropping}` };
      return { status: 'up', message: `${(free / 1024 ** 3).toFixed(1)} GiB free` };
    },
  };
}
