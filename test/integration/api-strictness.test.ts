import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { writeWav } from '../support/audio-files';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const opened = closeAfterEach();

/** A store with the real handlers behind the real HTTP server, no engine (nothing moves by itself). */
async function serveStore(options: { uploadIdleMs?: number } = {}) {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
  const server = opened.track(
    await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't', ...options }),
  );
  const post = async (
    route: string,
    body: string | undefined,
    headers: Record<string, string> = { authorization: 'Bearer t' },
  ) => {
    const res = await fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } },
    };
  };
  const call = (channel: string, body: unknown) => post(`api/call/${channel}`, JSON.stringify(body));
  return { dir, dataDir, app, server, post, call };
}

describe('the API refuses what a call does not define', () => {
  it('refuses "retry all dead letters" sent with an item id instead of ignoring the id', async () => {
    const { call } = await serveStore();
    const r = await call('items:retryAllDead', { id: 6 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(r.body.error!.message).toMatch(/"id"/);
    expect((await call('items:retryAllDead', {})).body).toEqual({ ok: true, value: { count: 0 } });
  });

  it('refuses unknown keys nested inside a request, such as in a bulk action filter', async () => {
    const { call } = await serveStore();
    const r = await call('items:bulk', {
      action: 'discard',
      target: { kind: 'filter', filter: { state: 'queued', everything: true } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/everything/);
  });

  it('refuses a null, an array or a number as the body, while an empty body still means no parameters', async () => {
    const { post } = await serveStore();
    for (const body of ['null', '[]', '7', '"x"']) {
      const r = await post('api/call/items:count', body);
      expect(r.status, body).toBe(400);
      expect(r.body.error, body).toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect((await post('api/call/items:count', '')).body).toEqual({ ok: true, value: { count: 0 } });
  });

  it('refuses settings named __proto__ or constructor and stores nothing', async () => {
    const { app, post } = await serveStore();
    const before = app.store.db.prepare('SELECT * FROM settings').all();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r = await post('api/call/settings:set', `{"values":{"${key}":{"workers":1},"workers":3}}`);
      expect(r.status, key).toBe(400);
      expect(r.body.error!.code).toBe('INVALID_REQUEST');
      expect(r.body.error!.message).toContain(key);
    }
    expect(app.store.db.prepare('SELECT * FROM settings').all()).toEqual(before);
    expect(({} as Record<string, unknown>).workers).toBeUndefined();
  });

  it('refuses a request nested far deeper than any call needs, without crashing', async () => {
    const { post } = await serveStore();
    const deep = `{"values":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const r = await post('api/call/settings:set', deep);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/nested deeper/);
  });
});

describe('the token', () => {
  it('is refused in the address of an ordinary call, with a message saying to send it as a header', async () => {
    const { server, post } = await serveStore();
    const r = await post('api/call/items:count?token=t', '{}', {});
    expect(r.status).toBe(401);
    expect(r.body.error!.message).toMatch(/Authorization: Bearer/);
    const contractList = await fetch(`${server.url}api/contract?token=t`);
    expect(contractList.status).toBe(401);
  });

  it('is accepted in the address by the audio player and the event socket, where no header can be sent', async () => {
    const { server } = await serveStore();
    const audio = await fetch(`${server.url}api/audio/1?token=t`);
    expect(audio.status).toBe(404); // past the token check: there is no item 1
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/events?token=t`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.close();
  });
});

describe('adding files by path over the API', () => {
  it('refuses system files such as /etc/shadow with a coded reason and stores nothing', async () => {
    const { app, call } = await serveStore();
    const r = await call('items:add', { paths: ['/etc/shadow', '/etc/passwd'] });
    expect(r.status).toBe(200);
    const value = r.body.value as { added: unknown[]; rejected: { file: string; code: string; message: string }[] };
    expect(value.added).toEqual([]);
    expect(value.rejected.map((x) => x.code)).toEqual(['PATH_NOT_ALLOWED', 'PATH_NOT_ALLOWED']);
    expect(value.rejected[0]!.message).toMatch(/outside your home folder/);
    expect(app.store.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
  });

  it('adds from the folder set in addFromDir, but not through a link there that leads outside it', async () => {
    const { dir, app, call } = await serveStore();
    const allowed = path.join(dir, 'recorder');
    fs.mkdirSync(allowed);
    const memo = writeWav(path.join(allowed, 'memo.wav'), { seconds: 0.2 });
    fs.symlinkSync('/etc/passwd', path.join(allowed, 'sneaky.wav'));
    expect((await call('settings:set', { values: { addFromDir: allowed } })).status).toBe(200);
    const r = await call('items:add', { paths: [memo, path.join(allowed, 'sneaky.wav')] });
    const value = r.body.value as { added: { file: string }[]; rejected: { code: string }[] };
    expect(value.added.map((a) => a.file)).toEqual([memo]);
    expect(value.rejected.map((x) => x.code)).toEqual(['PATH_NOT_ALLOWED']);
    expect(app.store.db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(1);
  });

  it('still lets the CLI (the user at a terminal) add any file they can read', async () => {
    const { dir, app } = await serveStore();
    const memo = writeWav(path.join(dir, 'elsewhere.wav'), { seconds: 0.2 });
    const r = await app.call('items:add', { paths: [memo] });
    expect(r.ok && r.value.added.map((a) => a.file)).toEqual([memo]);
  });
});

describe('uploads', () => {
  it('gives up an upload that stops sending, answers 408 and removes its partial file', async () => {
    const { dataDir, server } = await serveStore({ uploadIdleMs: 300 });
    const tmp = path.join(dataDir, 'tmp');
    const parts = () => (fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.endsWith('.part')) : []);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}api/upload?name=slow.wav`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-length': '100000' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('RIFF....WAVE');
    });
    await waitFor('the partial upload on disk', () => parts().length === 1);
    const r = await answer;
    expect(r.status).toBe(408);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    await waitFor('the partial file removed', () => parts().length === 0);
  });
});
