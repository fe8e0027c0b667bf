/**
 * Stages for benchmarks, built in the engine and (by path) in worker processes: a no-op stage, or
 * one that hangs on its first run (`hang-*` items) so the stuck scan has something to find.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stages } from '../src/shared/contract';
import type { StageHandler } from '../src/main/engine/stage-handler';
import type { Store } from '../src/main/store/store';

export function benchStages(_store: Store): StageHandler[] {
  return [
    {
      stage: 'ingest',
      availability: () => ({ ok: true }),
      async run(ctx) {
        if (!ctx.item.fileName.startsWith('hang-')) return;
        const marker = path.join(ctx.paths.tmp, `hung-${ctx.item.id}`);
        fs.mkdirSync(ctx.paths.tmp, { recursive: true });
        if (fs.existsSync(marker)) return;
        fs.writeFileSync(marker, '');
        for (;;) {
          // Hung: no heartbeat can run on this event loop.
        }
      },
    },
  ];
}

/** The pipeline's four stages, each doing nothing: what the engine costs per item, all stages included. */
export function noopStages(_store: Store): StageHandler[] {
  return stages.map((stage) => ({ stage, availability: () => ({ ok: true }), async run() {} }));
}

export const benchStagesModule = path.join(__dirname, 'bench-stages.ts');
