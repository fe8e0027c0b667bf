import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { memoLanguageModelFile } from '../../src/main/pipeline/asr/pocketsphinx-language-model';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const closing = closeAfterEach();

/**
 * A stand-in pocketsphinx that writes down the arguments of each decode of a recording (health
 * checks decode a quarter second, 8,044 bytes, and are left out) and hears one word.
 */
function recordingDecoder(dir: string): { bin: string; decodes: () => string[] } {
  const log = path.join(dir, 'decodes');
  const bin = path.join(dir, 'pocketsphinx-recorder');
  fs.writeFileSync(
    bin,
    `#!/bin/sh
in=""; prev=""
for a in "$@"; do [ "$prev" = "-infile" ] && in="$a"; prev="$a"; done
[ "$(wc -c < "$in")" -gt 16044 ] && echo "$*" >> ${log}
printf 'hello\\n<s> 0.000 0.100 1.000\\nhello 0.100 0.600 1.000\\n</s> 0.600 0.700 1.000\\n'
`,
    { mode: 0o755 },
  );
  return { bin, decodes: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) };
}

async function add(app: Lifeline, file: string): Promise<number> {
  const r = await app.call('items:add', { paths: [file] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.added[0]!.id;
}

async function set(app: Lifeline, values: Record<string, string | null>): Promise<void> {
  const r = await app.call('settings:set', { values });
  if (!r.ok) throw new Error(r.error.message);
}

describe('the pocketsphinx language model follows the asr.languageModel setting without a restart', () => {
  it('the next job in a worker process decodes with -lm and the memo model, then without it once general is chosen, then with it again', async () => {
    const dir = tempDir();
    const decoder = recordingDecoder(dir);
    const app = openLifeline({
      dataDir: path.join(dir, 'data'),
      withEngine: true,
      processName: 'test',
      env: {
        LIFELINE_WORKERS: '1',
        LIFELINE_ASR_ENGINE: 'pocketsphinx',
        LIFELINE_POCKETSPHINX_BIN: decoder.bin,
        LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
        LIFELINE_HEALTH_INTERVAL_MS: '3600000',
        LIFELINE_IDLE_POLL_MS: '50',
        LIFELINE_AVAILABILITY_MS: '200',
        PATH: process.env.PATH,
      },
    });
    closing.track(app);
    await app.start();
    const label = () => app.health.snapshot().services.find((s) => s.name === 'pocketsphinx')?.label;
    const transcribe = async (name: string, seed: number) => {
      const id = await add(app, writeWav(path.join(dir, name), { seconds: 1, seed }));
      await waitFor(`${name} done`, () => app.store.reads.detail(id)?.state === 'done', 30_000);
      const decodes = decoder.decodes();
      expect(decodes).toHaveLength(seed);
      return decodes.at(-1)!;
    };
    const memoLm = `-lm ${path.resolve(__dirname, '../..', memoLanguageModelFile)}`;

    // The default: the memo model.
    const got = await app.call('settings:get', {});
    expect(got.ok && got.value.find((e) => e.key === 'asr.languageModel')).toMatchObject({
      value: 'memo',
      source: 'default',
      choices: ['memo', 'general'],
    });
    expect(await transcribe('one.wav', 1)).toContain(memoLm);
    expect(label()).toBe('Speech recognition (pocketsphinx, memo language model)');

    await set(app, { 'asr.languageModel': 'general' });
    expect(await transcribe('two.wav', 2)).not.toContain('-lm');
    expect(label()).toBe("Speech recognition (pocketsphinx, Debian's general language model)");

    await set(app, { 'asr.languageModel': null });
    expect(await transcribe('three.wav', 3)).toContain(memoLm);
    expect(label()).toBe('Speech recognition (pocketsphinx, memo language model)');
  }, 90_000);
});
