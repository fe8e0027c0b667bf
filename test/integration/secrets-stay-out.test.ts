import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline } from '../../src/main/lifeline';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { startAsrServer, wordsFor } from '../support/fake-services';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// README, Settings: "API keys stay in environment variables (LIFELINE_ASR_KEY, LIFELINE_LLM_KEY), never
// in the database" (docs/self-healing.md: "not written to disk by Lifeline and never crosses the API");
// README, Where data lives: "logs/lifeline.log (JSON lines with ids and codes, never transcript text)".

const closing = closeAfterEach();
const key = `sk-lifeline-test-${crypto.randomBytes(8).toString('hex')}`;

/** Every file under `dir`, with its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((rel) => {
    const file = path.join(dir, rel);
    return fs.statSync(file).isFile() ? [{ file: rel, bytes: fs.readFileSync(file) }] : [];
  });
}

describe('what Lifeline keeps to itself', () => {
  it('sends the API key to the server, but never writes it to the data dir or answers it over the API; the log holds no transcript text', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const asr = closing.track(await startAsrServer());
    const app = closing.track(
      openLifeline({
        dataDir,
        withEngine: true,
        processName: 'test',
        env: {
          LIFELINE_ASR_KEY: key,
          LIFELINE_LLM_KEY: key,
          LIFELINE_WORKERS: '1',
          LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
          PATH: process.env.PATH,
        },
      }),
    );
    const set = await app.call('settings:set', { values: { 'asr.engine': 'openai', 'asr.url': asr.url } });
    expect(set.ok).toBe(true);
    await app.start();
    const wav = writeWav(path.join(dir, 'memo.wav'), { seconds: 1, seed: 11 });
    const added = await app.call('items:add', { paths: [wav] });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.added[0]!.id;
    await waitFor('the item done', () => app.store.reads.detail(id)?.state === 'done', 30_000);

    // The key is used where it belongs…
    expect(asr.requests[0]!.headers.authorization).toBe(`Bearer ${key}`);
    const text = app.store.db.prepare('SELECT segments FROM transcript_chunks WHERE item_id = ?').pluck().all(id);
    const words = wordsFor((asr.requests[0]!.fields.file as { sha256: string }).sha256);
    expect(text.join(' ')).toContain(words);

    // …and nowhere a reader of the API can see it.
    const reads = await Promise.all([
      app.call('settings:get', {}),
      app.call('system:overview', {}),
      app.call('overview:get', {}),
      app.call('health:get', {}),
      app.call('health:services', {}),
      app.call('breakers:list', {}),
      app.call('items:get', { id }),
    ]);
    for (const r of reads) {
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toContain(key);
    }

    await closing.close(app);
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['lifeline.db', path.join('logs', 'lifeline.log')]),
    );
    for (const f of files) expect(f.bytes.includes(key), `${f.file} holds the API key`).toBe(false);
    const log = files.find((f) => f.file === path.join('logs', 'lifeline.log'))!.bytes.toString('utf8');
    expect(log).toContain(`"itemId":${id}`);
    expect(log).not.toContain(words);
  }, 60_000);
});
