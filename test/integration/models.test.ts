import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ModelEntry } from '../../src/shared/contract';
import { runCli } from '../../src/main/cli/main';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { startModelServer } from '../support/model-server';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { valueOf } from '../support/lifeline-calls';

const closing = closeAfterEach();

async function setUp(options: Parameters<typeof startModelServer>[1] = {}) {
  const dataDir = tempDir();
  const server = closing.track(await startModelServer(tempDir(), options));
  const env = { LIFELINE_MODEL_CATALOGUE: server.catalogueFile };
  const app = closing.track(openLifeline({ dataDir, withEngine: false, processName: 'test', env }));
  return { dataDir, server, app, env };
}

const model = (app: Lifeline, name: string) => app.models.list().models.find((m) => m.name === name)!;
const setting = (app: Lifeline, key: string) => app.settings.entries().find((e) => e.key === key)!.value;

describe('whisper models (models:* channels and lifeline models)', () => {
  it('lists the models that can be downloaded, none of them on this computer yet', async () => {
    const { app } = await setUp();
    const list = await valueOf(app.call('models:list', {}));
    expect(list.models.map((m) => [m.name, m.state, m.inUse])).toEqual([
      ['tiny-test', 'available', false],
      ['turbo-test', 'available', false],
      ['bad-test', 'available', false],
    ]);
    expect(list.dir).toBe(path.join(app.paths.dataDir, 'models'));
  });

  it('downloads a model with pushed progress, then uses it and removes it', async () => {
    const { app, server } = await setUp({ pieceDelayMs: 40 });
    const told: ModelEntry[][] = [];
    app.models.on('changed', (models) => told.push(models));
    const started = await valueOf(app.call('models:download', { name: 'tiny-test' }));
    expect(started.state).toBe('downloading');
    await app.models.finished('tiny-test');
    const done = model(app, 'tiny-test');
    expect(done).toMatchObject({ state: 'installed', receivedBytes: server.payload.length, error: null });
    // Progress went up in steps while the bytes came in, and the end was told.
    const received = told
      .map((list) => list.find((m) => m.name === 'tiny-test')!)
      .filter((m) => m.state === 'downloading')
      .map((m) => m.receivedBytes);
    expect(received.length).toBeGreaterThan(1);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(told.at(-1)!.find((m) => m.name === 'tiny-test')!.state).toBe('installed');
    // With nothing chosen, the best downloaded model is the one in use.
    expect(done.inUse).toBe(true);

    await app.call('models:download', { name: 'turbo-test' });
    await app.models.finished('turbo-test');
    expect(model(app, 'turbo-test')).toMatchObject({ state: 'installed', inUse: false });
    const used = await valueOf(app.call('models:use', { name: 'turbo-test' }));
    expect(used.inUse).toBe(true);
    expect(model(app, 'tiny-test').inUse).toBe(false);
    expect(setting(app, 'whisper.model')).toBe(path.join(app.paths.dataDir, 'models', 'ggml-turbo-test.bin'));

    // Deleting the chosen model goes back to the automatic choice.
    const removed = await valueOf(app.call('models:remove', { name: 'turbo-test' }));
    expect(removed).toMatchObject({ state: 'available', inUse: false });
    expect(setting(app, 'whisper.model')).toBe('');
    expect(model(app, 'tiny-test').inUse).toBe(true);
    await app.call('models:remove', { name: 'tiny-test' });
    expect(fs.readdirSync(path.join(app.paths.dataDir, 'models'))).toEqual([]);
  });

  it('resumes a download cut off half way from where it stopped, and the finished file is the whole model', async () => {
    const { app, server } = await setUp({ cutFirstAfter: 150_000 });
    await app.call('models:download', { name: 'tiny-test' });
    await app.models.finished('tiny-test')?.catch(() => undefined);
    const paused = model(app, 'tiny-test');
    expect(paused.state).toBe('partial');
    expect(paused.error).toMatch(/./);
    expect(paused.receivedBytes).toBe(150_000);
    await app.call('models:download', { name: 'tiny-test' });
    await app.models.finished('tiny-test');
    expect(server.ranges).toEqual([undefined, 'bytes=150000-']);
    expect(fs.readFileSync(path.join(app.paths.dataDir, 'models', 'ggml-tiny-test.bin'))).toEqual(server.payload);
    expect(model(app, 'tiny-test')).toMatchObject({ state: 'installed', error: null });
  });

  it('cancels a download, keeps what arrived and resumes from it later', async () => {
    const { app, server } = await setUp({ pieceDelayMs: 20 });
    await app.call('models:download', { name: 'tiny-test' });
    await waitFor('some bytes arrived', () => model(app, 'tiny-test').receivedBytes > 40_000);
    const cancelled = await valueOf(app.call('models:cancel', { name: 'tiny-test' }));
    expect(cancelled.state).toBe('partial');
    await app.call('models:download', { name: 'tiny-test' });
    await app.models.finished('tiny-test');
    expect(server.ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(model(app, 'tiny-test').state).toBe('installed');
  });

  it('a Cancel that arrives after the download ended is answered with the model as it is, not refused', async () => {
    const { app } = await setUp();
    await app.call('models:download', { name: 'tiny-test' });
    await app.models.finished('tiny-test');
    const late = await app.call('models:cancel', { name: 'tiny-test' });
    expect(late).toMatchObject({ ok: true, value: { name: 'tiny-test', state: 'installed' } });
    expect(model(app, 'tiny-test').state).toBe('installed');
    // A name that is no model is still one.
    expect(await app.call('models:cancel', { name: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a download whose checksum is wrong, keeps nothing of it and says why', async () => {
    const { app } = await setUp();
    await app.call('models:download', { name: 'bad-test' });
    await expect(app.models.finished('bad-test')).rejects.toThrow(/corrupt: SHA-256/);
    expect(model(app, 'bad-test')).toMatchObject({
      state: 'available',
      error: expect.stringMatching(/corrupt: SHA-256/),
    });
    expect(fs.readdirSync(path.join(app.paths.dataDir, 'models'))).toEqual([]);
  });

  it('answers a model it does not know with NOT_FOUND and using one not downloaded with INVALID_STATE', async () => {
    const { app } = await setUp();
    const unknown = await app.call('models:download', { name: 'huge' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('tiny-test, turbo-test, bad-test') },
    });
    const notThere = await app.call('models:use', { name: 'tiny-test' });
    expect(notThere).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'model tiny-test is not downloaded; download it first' },
    });
  });

  it('lifeline models download shows progress and verifies; models use, list and remove work from a terminal', async () => {
    const { dataDir, env } = await setUp();
    vi.stubEnv('LIFELINE_MODEL_CATALOGUE', env.LIFELINE_MODEL_CATALOGUE);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['--data-dir', dataDir, 'models', 'download', 'tiny-test'])).toBe(0);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/downloading tiny-test: 100%/);
      expect(await runCli(['--data-dir', dataDir, 'models', 'download', 'turbo-test'])).toBe(0);
      expect(await runCli(['--data-dir', dataDir, 'models', 'use', 'turbo-test'])).toBe(0);
      stdout.mockClear();
      expect(await runCli(['--data-dir', dataDir, 'models', 'list'])).toBe(0);
      const listed = stdout.mock.calls.map((c) => String(c[0])).join('');
      expect(listed).toMatch(/tiny-test\s+0\.4 MB\s+downloaded/);
      expect(listed).toMatch(/turbo-test\s+0\.1 MB\s+in use/);
      expect(await runCli(['--data-dir', dataDir, 'models', 'remove', 'tiny-test'])).toBe(0);
      expect(await runCli(['--data-dir', dataDir, 'models', 'use', 'nope'])).toBe(1);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('lifeline: ');
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
