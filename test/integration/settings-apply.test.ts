import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { openStore } from '../../src/main/store/store';
import { dataPaths } from '../../src/main/config/data-dir';
import { writeWav } from '../support/audio-files';
import { startAsrServer, type FakeService } from '../support/fake-services';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const fast = {
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
  LIFELINE_HEALTH_INTERVAL_MS: '60000',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_AVAILABILITY_MS: '200',
  LIFELINE_BACKOFF_BASE_MS: '50',
  LIFELINE_BACKOFF_CAP_MS: '200',
  PATH: process.env.PATH,
};

const closing = closeAfterEach();

async function asrServer(delayMs?: number): Promise<FakeService> {
  const s = await startAsrServer({ delayMs });
  closing.track(s);
  return s;
}

function open(dataDir: string, env: NodeJS.ProcessEnv): Lifeline {
  const app = openLifeline({ dataDir, withEngine: true, processName: 'test', env: { ...fast, ...env } });
  closing.track(app);
  return app;
}

async function add(app: Lifeline, file: string): Promise<number> {
  const r = await app.call('items:add', { paths: [file] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.added[0]!.id;
}

const state = (app: Lifeline, id: number) => app.store.reads.detail(id)?.state;
const chunkEngine = (app: Lifeline, id: number) =>
  app.store.db.prepare('SELECT DISTINCT engine FROM transcript_chunks WHERE item_id = ?').pluck().all(id) as string[];

describe('settings applied without a restart', () => {
  it('a stored asr.url change reaches the next job in a worker process, while the job already running finishes on the old server', async () => {
    const dir = tempDir();
    const first = await asrServer(1_500);
    const second = await asrServer();
    const app = open(path.join(dir, 'data'), { LIFELINE_WORKERS: '1' });
    expect((await app.call('settings:set', { values: { 'asr.engine': 'openai', 'asr.url': first.url } })).ok).toBe(
      true,
    );
    await app.start();

    const one = await add(app, writeWav(path.join(dir, 'one.wav'), { seconds: 1, seed: 1 }));
    await waitFor('the first job to reach the first server', () => first.requests.length > 0, 30_000);
    const changed = await app.call('settings:set', { values: { 'asr.url': second.url } });
    expect(changed.ok).toBe(true);
    const two = await add(app, writeWav(path.join(dir, 'two.wav'), { seconds: 1, seed: 2 }));

    await waitFor('both items done', () => state(app, one) === 'done' && state(app, two) === 'done', 30_000);
    expect(first.requests).toHaveLength(1);
    expect(second.requests).toHaveLength(1);
    expect(
      app.store.reads.detail(one)!.events.filter((e) => e.type === 'started' && e.stage === 'transcribe'),
    ).toHaveLength(1);
    expect(chunkEngine(app, two)).toEqual(['openai:whisper-1']);
  }, 60_000);

  it('the environment wins over a stored engine setting, and settings:set refuses to change it', async () => {
    const dir = tempDir();
    const fromEnv = await asrServer();
    const stored = await asrServer();
    const data = path.join(dir, 'data');
    // A value stored earlier (say, before the variable was set).
    const store = openStore(dataPaths(data));
    store.settings.write({ 'asr.engine': 'openai', 'asr.url': stored.url }, Date.now());
    store.close();

    const app = open(data, { LIFELINE_WORKERS: '0', LIFELINE_ASR_URL: fromEnv.url });
    const got = await app.call('settings:get', {});
    const entries = got.ok ? got.value : [];
    expect(entries.find((e) => e.key === 'asr.url')).toMatchObject({
      value: fromEnv.url,
      source: 'env',
      env: 'LIFELINE_ASR_URL',
    });
    expect(entries.find((e) => e.key === 'asr.engine')).toMatchObject({ value: 'openai', source: 'stored' });
    const refused = await app.call('settings:set', { values: { 'asr.url': stored.url } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('LIFELINE_ASR_URL') },
    });

    await app.start();
    const id = await add(app, writeWav(path.join(dir, 'memo.wav'), { seconds: 1, seed: 3 }));
    await waitFor('the item done', () => state(app, id) === 'done', 30_000);
    expect(fromEnv.requests).toHaveLength(1);
    expect(stored.requests).toHaveLength(0);
  }, 60_000);

  it('a watchDir change watches the new folder at once: a recording already in it becomes an item', async () => {
    const dir = tempDir();
    const old = path.join(dir, 'old');
    const next = path.join(dir, 'next');
    fs.mkdirSync(old);
    fs.mkdirSync(next);
    const app = open(path.join(dir, 'data'), { LIFELINE_WORKERS: '0', LIFELINE_ASR_ENGINE: 'whisper-server' });
    expect((await app.call('settings:set', { values: { watchDir: old } })).ok).toBe(true);
    await app.start();
    expect(await app.call('intake:status', {})).toMatchObject({
      ok: true,
      value: { watchFolder: { path: old, state: 'watching' } },
    });

    writeWav(path.join(next, 'already here.wav'), { seconds: 1, seed: 4 });
    const missing = await app.call('settings:set', { values: { watchDir: path.join(dir, 'nowhere') } });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('does not exist') },
    });
    expect((await app.call('settings:set', { values: { watchDir: next } })).ok).toBe(true);
    expect(await app.call('intake:status', {})).toMatchObject({ ok: true, value: { watchFolder: { path: next } } });
    await waitFor(
      'the recording in the new folder to be added',
      () =>
        app.store.reads
          .list({ limit: 10 })
          .map((i) => i.fileName)
          .includes('already here.wav'),
      15_000,
    );

    // The old folder is no longer watched; turning the setting off stops watching altogether.
    expect((await app.call('settings:set', { values: { watchDir: null } })).ok).toBe(true);
    expect(await app.call('intake:status', {})).toMatchObject({ ok: true, value: { watchFolder: null } });
  }, 60_000);
});
