import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import type { Drill } from './drill';
import { drill as frozenWorkers } from './frozen-workers.drill';
import { drill as longAudioShort } from './long-audio-short.drill';

/** The short drills (also in `npm run drill`): each row must have met its goal. */
async function expectPassed(d: Drill): Promise<void> {
  const rows = await d.run();
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r, `${r.case}: ${r.why ?? ''}`).toMatchObject({ passed: true });
}

const ffmpeg = findExecutable('ffmpeg');

describe('the worker drills against a real lifeline serve with the defaults', () => {
  it.skipIf(!ffmpeg)(
    'takes a 10-minute MP3 and a 10-minute 44.1 kHz stereo WAV through with no recovery, no dead letter, and workers under their memory limit',
    async () => {
      await expectPassed(longAudioShort);
    },
    300_000,
  );

  it('finishes a 1-second file with no recovery while the idle workers are frozen, and health reports them replaced', async () => {
    await expectPassed(frozenWorkers);
  }, 300_000);
});
