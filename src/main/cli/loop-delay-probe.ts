import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The environment switch, for benchmarks only: the file the probe writes to. */
export const loopDelayEnv = 'LIFELINE_DEBUG_LOOP_DELAY';

/** What the probe writes: the event loop's delays since the last SIGUSR2, ms. */
export interface LoopDelaySnapshot {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

/**
 * Debug only (bench/intake-stall-bench.ts): with LIFELINE_DEBUG_LOOP_DELAY=<file>, `serve` watches
 * its own event loop (a 1 ms timer's lateness) and, on each SIGUSR2, writes what it saw since the
 * previous one to <file> as JSON and starts again. Without the variable nothing runs.
 */
export function startLoopDelayProbe(file: string | undefined): void {
  if (!file) return;
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => ns / 1e6;
    const snapshot: LoopDelaySnapshot = {
      p50: ms(h.percentile(50)),
      p99: ms(h.percentile(99)),
      max: ms(h.max),
      samples: h.count,
    };
    // Renamed into place, so a reader never sees half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
    fs.renameSync(`${file}.tmp`, file);
    h.reset();
  });
}
