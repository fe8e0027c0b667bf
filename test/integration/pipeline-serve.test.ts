import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemDetail, SearchHit } from '../../src/shared/contract';
import { PocketsphinxEngine } from '../../src/main/pipeline/asr/pocketsphinx-engine';
import { findExecutable } from '../../src/main/pipeline/system/find-executable';
import { encodeAudio } from '../support/encode-audio';
import { festivalMissing, speakAll } from '../support/festival-speech';
import { startServe } from '../support/serve-process';
import { runCliHere } from '../support/cli-in-process';
import { speechCorpus } from '../support/speech-corpus';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const pocketsphinx = new PocketsphinxEngine().availability();
const missing = festivalMissing() ?? (pocketsphinx.ok ? null : pocketsphinx.reason);
if (missing) process.stdout.write(`[pipeline-serve] skipped: ${missing}\n`);

describe.skipIf(missing !== null)('lifeline add of spoken recordings with lifeline serve running', () => {
  it('ends with every item done, its transcript and memories in show --json, and search finding them', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const texts = speechCorpus.map((c) => c.text);
    const recordings = [
      speakAll(texts.slice(0, 4), path.join(dir, 'monday-notes.wav')),
      speakAll(texts.slice(4, 8), path.join(dir, 'tuesday-notes.wav')),
      speakAll(texts.slice(8, 12), path.join(dir, 'wednesday-notes.wav')),
    ];
    // One of them as MP3, as a phone would send it.
    if (findExecutable('ffmpeg')) recordings[1] = encodeAudio(recordings[1]!, 'mp3', dir)!;

    const serve = await startServe(data, { LIFELINE_ASR_ENGINE: 'pocketsphinx' });
    try {
      const add = await runCliHere(data, ['add', ...recordings]);
      expect(add.code, add.stderr).toBe(0);
      await waitFor(
        'every item to be done',
        async () => {
          const items = JSON.parse((await runCliHere(data, ['items', '--json'])).stdout) as {
            state: string;
            error: unknown;
          }[];
          const stuck = items.find((i) => i.state === 'dead');
          if (stuck) throw new Error(`an item died: ${JSON.stringify(stuck)}`);
          return items.length === 3 && items.every((i) => i.state === 'done');
        },
        150_000,
        500,
      );
    } finally {
      serve.child.kill('SIGTERM');
      await serve.done;
    }

    const first = JSON.parse((await runCliHere(data, ['show', '1', '--json'])).stdout) as ItemDetail;
    expect(first.state).toBe('done');
    expect(first.transcript!.text).toMatch(/remind me to/);
    expect(first.transcript!.segments.length).toBeGreaterThanOrEqual(3);
    for (const s of first.transcript!.segments) expect(s.end).toBeGreaterThanOrEqual(s.start);
    const todos = first.memories.filter((m) => m.kind === 'todo');
    expect(todos.length).toBeGreaterThanOrEqual(2);
    expect(todos.some((m) => m.at !== null)).toBe(true);
    for (const m of first.memories)
      expect(Object.keys(m).sort()).toEqual(['allDay', 'at', 'kind', 'repeats', 'source', 'text']);

    const third = JSON.parse((await runCliHere(data, ['show', '3', '--json'])).stdout) as ItemDetail;
    expect(third.memories.some((m) => m.kind === 'todo' && /passport/i.test(m.text))).toBe(true);

    const hits = JSON.parse((await runCliHere(data, ['search', 'passport', '--json'])).stdout) as SearchHit[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ itemId: 3, fileName: 'wednesday-notes.wav' });
    expect(hits[0]!.snippet).toMatch(/\[passport\]/i);
    expect(hits[0]!.start).toEqual(expect.any(Number));

    const human = await runCliHere(data, ['search', 'dentist', 'appointment']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('[dentist]');
    expect((await runCliHere(data, ['search', 'zebra'])).stdout.trim()).toBe('no matches');
  }, 200_000);
});
