import path from 'node:path';
import type { Stage } from '../../src/shared/contract';
import { stages } from '../../src/shared/contract/names';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import type { Clock } from '../../src/main/time/clock';
import type { closeAfterEach } from './close-after-each';
import { tempDir } from './temp-dir';

/** A stage that does nothing: ready unless `waits`, then it says it is "not in this test". */
export function idleStage(stage: Stage, options: { waits?: boolean } = {}): StageHandler {
  return {
    stage,
    availability: () => (options.waits ? { ok: false, reason: 'not in this test' } : { ok: true }),
    run: async () => 'ok',
  };
}

/** Every stage waits: an item stays where intake (or a recording) put it. */
export const waitingStages = (): StageHandler[] => stages.map((s) => idleStage(s, { waits: true }));

/**
 * A Lifeline in this process at the user's defaults, on `clock`, with plenty of disk: the one
 * difference is that stages run here, not in worker processes. For promises stated at the defaults.
 */
export function openAtDefaults(
  closing: ReturnType<typeof closeAfterEach>,
  options: { clock: Clock; stages: () => StageHandler[]; env?: Record<string, string> },
): Lifeline {
  return closing.track(
    openLifeline({
      dataDir: path.join(tempDir(), 'data'),
      withEngine: true,
      processName: 'test',
      clock: options.clock,
      stages: options.stages,
      freeSpace: async () => 100e9,
      env: { LIFELINE_WORKERS: '0', PATH: process.env.PATH ?? '', ...options.env },
    }),
  );
}
