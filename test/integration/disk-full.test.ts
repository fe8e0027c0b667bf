import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import type { LogFs } from '../../src/main/log/log-file-sink';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { headlessApi } from '../support/headless-calls';
import { runCli } from '../support/spawn';
import { mountSmallDisk } from '../support/small-disk';
import { testStagesFor } from '../support/test-stages';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const env = { LIFELINE_WORKERS: '0', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0', LIFELINE_IDLE_POLL_MS: '30' };
const closing = closeAfterEach();

/** A Lifeline whose free space is whatever `disk.free` says (the statfs seam). */
function openWithDisk(options: { logFs?: LogFs; dataDir?: string; env?: Record<string, string> } = {}) {
  const disk = { free: 50 * GiB };
  const app = closing.track(
    openLifeline({
      dataDir: options.dataDir ?? path.join(tempDir(), 'data'),
      withEngine: true,
      processName: 'test',
      stages: testStagesFor({}),
      env: { ...env, ...options.env },
      freeSpace: async () => disk.free,
      logFs: options.logFs,
    }),
  );
  return { app, disk };
}

async function serveHttp(app: Lifeline) {
  const server = closing.track(await startHeadlessServer(app, { port: 0, rendererDir: app.paths.dataDir, token: 't' }));
  return { server, api: headlessApi(server.url, 't') };
}

const partFiles = (app: Lifeline) =>
  fs.existsSync(app.paths.tmp) ? fs.readdirSync(app.paths.tmp).filter((f) => f.endsWith('.part')) : [];
const state = (app: Lifeline, id: number) => app.store.reads.summary(id)?.state;

describe('a full disk', () => {
  it('refuses new audio from add, upload and recording with DISK_FULL (HTTP 507) and takes it again once space returns', async () => {
    const { app, disk } = openWithDisk();
    await app.start();
    const { server, api } = await serveHttp(app);
    const wav = writeWav(path.join(tempDir(), 'memo.wav'), { seconds: 1 });

    disk.free = 50 * MiB;
    const add = await app.call('items:add', { paths: [wav] });
    expect(add).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(!add.ok && add.error.message).toBe(
      'the disk is full (50 MiB free, Lifeline needs 200 MiB): memo.wav was not accepted; free some space and try again',
    );
    const overHttp = await fetch(`${server.url}api/call/items:add`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify({ paths: [wav] }),
    });
    expect(overHttp.status).toBe(507);
    const upload = await api.upload('memo.wav', fs.readFileSync(wav));
    expect(upload.status).toBe(507);
    expect(await upload.json()).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(await app.call('recordings:start', { sampleRate: 16_000, channels: 1 })).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL' },
    });
    expect(partFiles(app)).toEqual([]);
    expect(app.store.reads.count({})).toBe(0);
    // The refusal was noticed at once, not at the next health round.
    await waitFor(
      'the disk check to turn red',
      () => app.health.snapshot().services.find((s) => s.name === 'disk')?.status === 'down',
    );

    disk.free = 50 * GiB;
    expect(await app.call('items:add', { paths: [wav] })).toMatchObject({ ok: true, value: { added: [{ id: 1 }] } });
    expect(
      (await api.upload('other.wav', fs.readFileSync(writeWav(path.join(tempDir(), 'o.wav'), { seconds: 2 })))).status,
    ).toBe(200);
  });

  it('parks queued work in waiting without spending an attempt while the disk is full, and finishes it by itself when space returns', async () => {
    const { app, disk } = openWithDisk();
    await app.start();
    const ids = Array.from({ length: 20 }, (_, i) => `pause-300-${i}.wav`).map(
      (name, i) =>
        app.queue.add({
          sha256: i.toString(16).padStart(64, '0'),
          sourcePath: `/t/${name}`,
          fileName: name,
          sizeBytes: 1,
          priority: 0,
        }).itemId,
    );
    disk.free = 500 * MiB;
    // The 30 s health round sees the disk running low; from then on it is looked at every few seconds.
    await app.call('health:check', { name: 'disk' });
    disk.free = 20 * MiB;
    await waitFor(
      'every unfinished item to wait for space',
      () => ids.every((id) => state(app, id) === 'waiting' || state(app, id) === 'done'),
      20_000,
    );
    const waiting = ids.filter((id) => state(app, id) === 'waiting');
    expect(waiting.length).toBeGreaterThan(0);
    for (const id of waiting) {
      const item = app.store.reads.summary(id)!;
      expect(item.waitReason).toMatch(/^paused: only 20 MiB free/);
      expect(
        app.store.reads.detail(id)!.events.filter((e) => e.type === 'dead' || e.type === 'retry_scheduled'),
      ).toEqual([]);
    }
    expect(app.health.snapshot().overall).toBe('red');

    disk.free = 50 * GiB;
    await waitFor(
      'every item to be done without anyone asking',
      () => ids.every((id) => state(app, id) === 'done'),
      20_000,
    );
    expect(app.health.snapshot().services.find((s) => s.name === 'disk')?.status).toBe('up');
  });

  it('leaves a watch-folder file in its folder while the disk is full and adds it once space returns', async () => {
    const watch = tempDir();
    const { app, disk } = openWithDisk({ env: { LIFELINE_WATCH_DIR: watch } });
    disk.free = 50 * MiB;
    await app.start();
    writeWav(path.join(watch, 'memo.wav'), { seconds: 1 });
    // Two looks settle the file, the next would add it: it is refused and stays where it is.
    const folder = async () => {
      const r = await app.call('intake:status', {});
      return r.ok ? r.value.watchFolder : null;
    };
    await waitFor('the file to be seen', async () => (await folder())?.settling === 1);
    const seenAt = (await folder())!.lastScanAt;
    let looks = 0;
    let last = seenAt;
    await waitFor(
      'two more looks at the folder',
      async () => {
        const now = (await folder())!.lastScanAt;
        if (now !== last) [looks, last] = [looks + 1, now];
        return looks >= 2;
      },
      20_000,
    );
    expect(app.store.reads.count({})).toBe(0);
    expect(fs.existsSync(path.join(watch, 'memo.wav'))).toBe(true);
    disk.free = 50 * GiB;
    await waitFor('the file to be added once space returned', () => app.store.reads.count({}) === 1, 20_000);
  });

  it('answers an upload that runs out of space mid-way with 507, removes its .part and keeps serving', async () => {
    const { app } = openWithDisk();
    await app.start();
    const { server, api } = await serveHttp(app);
    const realOpen = fs.promises.open;
    const spy = vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      let written = 0;
      const write = fh.write.bind(fh) as (b: Buffer) => Promise<unknown>;
      fh.write = (async (b: Buffer) => {
        written += b.length;
        if (written > 256 * 1024)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return write(b);
      }) as typeof fh.write;
      return fh;
    });
    try {
      const res = await api.upload('long.wav', Buffer.alloc(4 * MiB, 7));
      expect(res.status).toBe(507);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    } finally {
      spy.mockRestore();
    }
    expect(partFiles(app)).toEqual([]);
    expect((await fetch(`${server.url}api/contract`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    expect(await api.ok('items:count', {})).toEqual({ count: 0 });
  });

  it('keeps serving when the log file cannot be written, counts the dropped lines and says so in the disk check', async () => {
    const refusing = { full: true };
    const logFs: LogFs = {
      write: (fd, data, cb) =>
        refusing.full
          ? setImmediate(() => cb(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), 0))
          : fs.write(fd, data, cb),
      writeSync: (fd, data) => {
        if (refusing.full) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return fs.writeSync(fd, data);
      },
    };
    const { app } = openWithDisk({ logFs });
    await app.start();
    app.log.warn('a line the disk refuses');
    await new Promise<void>((resolve) => app.log.flush(() => resolve()));
    const h = await app.call('health:check', { name: 'disk' });
    expect(h.ok && h.value.services.find((s) => s.name === 'disk')).toMatchObject({
      status: 'degraded',
      message: expect.stringMatching(/log lines are being dropped \(\d+ so far, ENOSPC\)/),
    });
    expect(await app.call('items:count', {})).toMatchObject({ ok: true });

    refusing.full = false;
    app.log.warn('a line after space returned');
    await new Promise<void>((resolve) => app.log.flush(() => resolve()));
    const after = await app.call('health:check', { name: 'disk' });
    expect(after.ok && after.value.services.find((s) => s.name === 'disk')?.status).toBe('up');
    expect(fs.readFileSync(path.join(app.paths.logs, 'lifeline.log'), 'utf8')).toContain('a line after space returned');
    await closing.close(app);
  });

  it('on a real full file system (tmpfs where it can be mounted): the CLI refuses add with exit 1 and one line, and does not hang on its log', async (ctx) => {
    const small = mountSmallDisk(8);
    if (!small)
      return ctx.skip('this machine cannot mount a tmpfs; the injected ENOSPC tests above cover the same paths');
    try {
      const dataDir = path.join(small.dir, 'data');
      const wav = writeWav(path.join(tempDir(), 'memo.wav'), { seconds: 1 });
      expect((await runCli(dataDir, ['status'])).code).toBe(0);
      small.fill();
      const add = await runCli(dataDir, ['add', wav], { LIFELINE_LOG_LEVEL: 'info' });
      expect(add.code, add.stderr).toBe(1);
      // Whether it fails opening the store or at the intake check, it is one line about the full disk.
      expect(add.stderr).toMatch(
        /^lifeline: the disk (holding \S+ )?is full \(0 MiB free[^\n]*free some space and try again\n$/,
      );
      small.free();
      // With space back and the thresholds lowered to this tiny disk, the same file goes in.
      const again = await runCli(dataDir, ['add', wav], {
        LIFELINE_HEALTH_DISK_RED_BYTES: '0',
        LIFELINE_HEALTH_DISK_AMBER_BYTES: '0',
      });
      expect(again.code, again.stderr).toBe(0);
    } finally {
      small.unmount();
    }
  });

  it('on a real full file system (tmpfs where it can be mounted): an upload that hits ENOSPC gets 507, leaves no .part, and serve keeps answering', async (ctx) => {
    const small = mountSmallDisk(24);
    if (!small)
      return ctx.skip('this machine cannot mount a tmpfs; the injected ENOSPC upload test above covers the same path');
    try {
      const app = closing.track(
        openLifeline({
          dataDir: path.join(small.dir, 'data'),
          withEngine: true,
          processName: 'test',
          stages: testStagesFor({}),
          // The guard is told nothing is too little, so the upload itself meets the full disk.
          env: { ...env, LIFELINE_HEALTH_DISK_RED_BYTES: '0', LIFELINE_HEALTH_DISK_AMBER_BYTES: '0' },
        }),
      );
      await app.start();
      const { server, api } = await serveHttp(app);
      const res = await api.upload('huge.wav', Buffer.alloc(40 * MiB, 3));
      expect(res.status).toBe(507);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(partFiles(app)).toEqual([]);
      expect((await fetch(`${server.url}api/contract`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
      expect(await api.ok('items:count', {})).toEqual({ count: 0 });
      await closing.close(server);
      await closing.close(app);
    } finally {
      small.unmount();
    }
  });
});
