import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AddFilesResult, Result } from '../../src/shared/contract';
import { writeBrokenAudio, writeFakeWav, writeWav } from '../support/audio-files';
import { headlessApi, pcmTone } from '../support/headless-calls';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { formatBytes } from '../../src/shared/text/byte-size';

const running: ServeProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) {
    s.child.kill('SIGTERM');
    await s.done;
  }
});

async function serve(dataDir: string) {
  const s = await startServe(dataDir);
  running.push(s);
  return { s, api: headlessApi(s.url, s.token) };
}

describe('adding audio through the headless server', () => {
  it('stores an uploaded file as an item, reports the same audio again as a duplicate, and plays it back with byte ranges', async () => {
    const dir = tempDir();
    const { api } = await serve(path.join(dir, 'data'));
    const wav = fs.readFileSync(writeWav(path.join(dir, 'memo.wav'), { seconds: 1 }));

    const first = (await (await api.upload('memo.wav', wav)).json()) as Result<AddFilesResult> & { ok: true };
    expect(first).toMatchObject({ ok: true, value: { added: [{ file: 'memo.wav' }], duplicates: [], rejected: [] } });
    const id = first.value.added[0]!.id;
    const again = await (await api.upload('copy of memo.wav', wav)).json();
    expect(again).toMatchObject({ ok: true, value: { added: [], duplicates: [{ id, file: 'copy of memo.wav' }] } });

    const item = await waitFor('ingest to pass', async () => {
      const d = await api.ok('items:get', { id });
      return d.stage === 'transcribe' && d;
    });
    expect(item.fileName).toBe('memo.wav');
    expect(item.events[0]).toMatchObject({
      type: 'added',
      actor: 'user',
      detail: `uploaded memo.wav (${formatBytes(wav.length)})`,
    });

    const whole = await api.audio(id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(wav);
    const part = await api.audio(id, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(wav.subarray(100, 200));
    expect((await api.audio(id, `bytes=${wav.length}-`)).status).toBe(416);
    expect((await api.audio(9999)).status).toBe(404);
  });

  it('refuses uploads without the token, without a name, or larger than the limit, and leaves nothing behind', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const { s, api } = await serve(dataDir);
    expect((await api.upload('x.wav', Buffer.from('x'), false)).status).toBe(401);
    const noName = await fetch(`${s.url}api/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}` },
      body: 'x',
    });
    expect(noName.status).toBe(400);
    const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${s.url}api/upload?name=huge.wav`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-length': String(5 * 1024 ** 3) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('RIFF');
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const tmp = path.join(dataDir, 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.startsWith('upload-')) : []).toEqual([]);
    expect((await api.ok('items:count', {})).count).toBe(0);
  });

  it('refuses an upload that is not audio with 415 NOT_AUDIO and keeps nothing; audio that will not decode becomes a dead letter', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const { api } = await serve(dataDir);
    const text = fs.readFileSync(writeFakeWav(path.join(dir, 'notes.wav')));
    const refused = await api.upload('notes.wav', text);
    expect(refused.status).toBe(415);
    expect(await refused.json()).toEqual({
      ok: false,
      error: { code: 'NOT_AUDIO', message: 'notes.wav is not audio: it holds text' },
    });
    const tmp = path.join(dataDir, 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.startsWith('upload-')) : []).toEqual([]);
    expect((await api.ok('items:count', {})).count).toBe(0);

    const broken = fs.readFileSync(writeBrokenAudio(path.join(dir, 'broken.wav')));
    const r = (await (await api.upload('broken.wav', broken)).json()) as Result<AddFilesResult> & { ok: true };
    const id = r.value.added[0]!.id;
    const dead = await waitFor('a dead letter', async () => {
      const d = await api.ok('items:get', { id });
      return d.state === 'dead' && d;
    });
    expect(dead.error?.code).toBe('AUDIO_UNDECODABLE');
  });
});

describe('recording from the microphone through the headless server', () => {
  it('appends chunks durably, takes a resent chunk once, and Stop adds the recording as an item', async () => {
    const dir = tempDir();
    const { api } = await serve(path.join(dir, 'data'));
    const rec = await api.ok('recordings:start', { sampleRate: 16_000, channels: 1, name: 'Standup' });
    expect(rec.name).toBe('Standup.wav');
    const chunk = pcmTone(1);
    let offset = 0;
    for (let i = 0; i < 3; i++) {
      const r = await api.ok('recordings:append', { id: rec.id, offset, data: chunk.toString('base64') });
      offset = r.bytes;
    }
    // The reply to the third chunk was "lost": the page sends it again.
    expect(
      await api.ok('recordings:append', { id: rec.id, offset: offset - chunk.length, data: chunk.toString('base64') }),
    ).toEqual({ bytes: offset, seconds: 3 });
    const gap = await api.call('recordings:append', { id: rec.id, offset: offset + 2, data: chunk.toString('base64') });
    expect(gap).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    const done = await api.ok('recordings:finish', { id: rec.id });
    expect(done).toMatchObject({ id: rec.id, duplicate: false, seconds: 3 });
    const item = await waitFor('ingest to pass', async () => {
      const d = await api.ok('items:get', { id: done.itemId! });
      return d.stage === 'transcribe' && d;
    });
    expect(item.fileName).toBe('Standup.wav');
    expect(item.events.find((e) => e.type === 'succeeded')?.detail).toContain('3.0 s of 16000 Hz 1-channel audio');
    expect(await api.call('recordings:append', { id: rec.id, offset, data: chunk.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });
});
