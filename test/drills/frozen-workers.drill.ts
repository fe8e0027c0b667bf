/**
 * The idle workers (those a first recording started) frozen (SIGSTOP) under a real `lifeline serve`
 * with the defaults, then a 1-second recording added. Goal: the item is done having used no recovery (no job was handed to a
 * frozen worker), health named the silent workers while they were frozen and reports them replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeWav } from '../support/audio-files';
import type { Drill, DrillRow } from './drill';
import { addFile, drillDir, fastWhisper, itemFacts, startDrillServe, until } from './drill-serve';
import { workerPidsOf } from '../support/worker-processes';

interface WorkersCheck {
  status: string;
  message: string;
}

export const drill: Drill = {
  name: 'frozen-workers',
  short: true,
  async run(): Promise<DrillRow[]> {
    const dir = drillDir('frozen-workers');
    const whisper = await fastWhisper();
    const serve = await startDrillServe(dir, whisper.url).catch(async (err: unknown) => {
      await whisper.close();
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    });
    const frozen: number[] = [];
    const workersCheck = async () =>
      (
        await serve.call<{ services: (WorkersCheck & { name: string })[] }>('health:check', { name: 'workers' })
      ).services.find((s) => s.name === 'workers')!;
    try {
      // Workers start on demand: a first recording leaves one idle worker per stage behind.
      const warmId = await addFile(serve, writeWav(path.join(dir, 'warm-up.wav'), { seconds: 1.5 }));
      await until('the warm-up item to be done', () => itemFacts(serve, warmId).state === 'done', 180_000);
      await until('its workers to be idle', async () => /0 busy/.test((await workersCheck()).message), 30_000);
      // Only the worker processes: an engine run through tsx may have esbuild's service as a child too.
      frozen.push(...workerPidsOf(serve.child.pid!));
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      const stoppedAt = Date.now();
      // Health sees them silent within a few heartbeats.
      const seen = await until(
        'health to name the silent workers',
        async () => {
          const w = await workersCheck();
          return /not answering/.test(w.message) ? w : null;
        },
        30_000,
      );
      const silentAfterS = Math.round((Date.now() - stoppedAt) / 100) / 10;
      const file = writeWav(path.join(dir, 'one-second.wav'), { seconds: 1 });
      const addedAt = Date.now();
      const id = await addFile(serve, file);
      const end = await until(
        'the 1-second item to end',
        () => {
          const f = itemFacts(serve, id);
          return f.state === 'done' || f.state === 'dead' ? f : null;
        },
        180_000,
      );
      const after = await workersCheck();
      const replaced = Number(/(\d+) replaced for not answering/.exec(after.message)?.[1] ?? 0);
      const figures = {
        workersFrozen: frozen.length,
        state: end.state,
        recoveries: end.recoveries,
        deadLetters: end.state === 'dead' ? 1 : 0,
        recoveredNotStuck: end.recoveries,
        secondsToDone: Math.round((Date.now() - addedAt) / 100) / 10,
        secondsFrozenToSilentInHealth: silentAfterS,
        healthWhileFrozen: seen.status,
        workersReplaced: replaced,
      };
      const missed =
        end.state !== 'done'
          ? `ended ${end.state}: ${end.errorCode}`
          : end.recoveries > 0
            ? `${end.recoveries} recoveries used`
            : replaced < frozen.length
              ? `health reports ${replaced} of ${frozen.length} workers replaced: ${after.message}`
              : undefined;
      return [
        {
          drill: 'frozen-workers',
          case: `${frozen.length} idle workers SIGSTOPped, 1 s file`,
          figures,
          passed: !missed,
          why: missed,
        },
      ];
    } finally {
      // The pool kills frozen workers itself; any left over are ours to end.
      for (const pid of frozen) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await serve.stop();
      await whisper.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
