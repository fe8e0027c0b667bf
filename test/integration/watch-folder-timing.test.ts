import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lifeline } from '../../src/main/lifeline';
import { FakeClock } from '../../src/main/time/clock';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { openAtDefaults, waitingStages } from '../support/lifeline-at-defaults';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// docs/pipeline.md: "a file is added once its size and mtime have been still for 2 s"; README: "files
// are added once they stop growing". watch-folder.test.ts checks the looks one by one; this runs the
// folder as the engine starts it (the user's defaults) on the engine clock.

const closing = closeAfterEach();

// Every stage waits, so an added item stays where intake put it.
const open = (clock: FakeClock, watchDir: string): Lifeline =>
  openAtDefaults(closing, { clock, stages: waitingStages, env: { LIFELINE_WATCH_DIR: watchDir } });

const names = (app: Lifeline) =>
  app.store.reads
    .list({ limit: 10 })
    .map((i) => i.fileName)
    .sort();
/**
 * Moves the engine clock on a second at a time (so a folder looked at more often than every 2 s would
 * be caught looking in between) and waits until the folder's look at the end (real file I/O) is over.
 */
const look = async (app: Lifeline, clock: FakeClock, ms: number) => {
  for (let left = ms; left > 1_000; left -= 1_000) {
    await clock.advanceAsync(1_000);
    await new Promise((r) => setTimeout(r, 300));
  }
  await clock.advanceAsync(Math.min(ms, 1_000));
  const at = new Date(clock.now()).toISOString();
  await waitFor(`the look at ${at}`, async () => {
    const r = await app.call('intake:status', {});
    return r.ok && r.value.watchFolder?.lastScanAt === at;
  });
};

describe('the watch folder on the engine clock, with the defaults', () => {
  it('adds a file that has been still for 2 s, and waits while another keeps growing', async () => {
    const dir = path.join(tempDir(), 'inbox');
    fs.mkdirSync(dir);
    const clock = new FakeClock(Date.now());
    const app = open(clock, dir);
    await app.start();
    await look(app, clock, 0);

    writeWav(path.join(dir, 'memo.wav'), { seconds: 1, seed: 1 });
    const growing = writeWav(path.join(dir, 'growing.wav'), { seconds: 1, seed: 2 });
    await look(app, clock, 2_000); // first sight of both
    expect(names(app)).toEqual([]);

    fs.appendFileSync(growing, Buffer.alloc(3_200));
    await look(app, clock, 2_000); // memo.wav unchanged for 2 s; growing.wav grew
    await waitFor('memo.wav added', () => names(app).includes('memo.wav'));
    expect(names(app)).toEqual(['memo.wav']);

    await look(app, clock, 2_000); // growing.wav still for 2 s now
    await waitFor('growing.wav added', () => names(app).length === 2);
    expect(names(app)).toEqual(['growing.wav', 'memo.wav']);
  });
});
