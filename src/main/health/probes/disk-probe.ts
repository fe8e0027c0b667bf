import fs from 'node:fs';
import type { HealthConfig } from '../../config/config';
import { mib, type HealthProbe, type ProbeReport } from '../health-probe';

/**
 * Free space where the store and the audio copies live. Amber below `diskAmberBytes`; red below
 * `diskRedBytes`, when the engine also pauses intake (see lifeline.ts) until space returns.
 */
export function diskProbe(dataDir: string, config: () => HealthConfig): HealthProbe {
  return {
    name: 'disk',
    label: 'Disk space',
    required: true,
    gatesStartup: true,
    async check(): Promise<ProbeReport> {
      const s = await fs.promises.statfs(dataDir);
      const free = s.bavail * s.bsize;
      const { diskAmberBytes, diskRedBytes } = config();
      if (free < diskRedBytes) {
        return { status: 'down', explicit: true, message: `only ${mib(free)} free for ${dataDir}; new recordings wait until there is ${mib(diskRedBytes)}` };
      }
      if (free < diskAmberBytes) return { status: 'degraded', explicit: true, message: `${mib(free)} free for ${dataDir}, running low` };
      return { status: 'up', message: `${(free / 1024 ** 3).toFixed(1)} GiB free` };
    },
  };
}
