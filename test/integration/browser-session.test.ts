import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionSecretFile } from '../../src/main/api/http/browser-session';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';

const { track, close } = closeAfterEach();

function start(dataDir: string, token: string) {
  const app = track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));
  return startHeadlessServer(app, { port: 0, rendererDir: dataDir, token }).then((s) => track(s));
}

const status = (url: string, cookie: string, extra: Record<string, string> = {}) =>
  fetch(`${url}api/call/items:count`, { method: 'POST', headers: { cookie, ...extra }, body: '{}' }).then(
    (r) => r.status,
  );

describe('browser session', () => {
  it('exchanges the printed token for a cookie that still works after serve restarts with a new token', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await start(dataDir, 'first-token');
    const exchanged = await fetch(`${first.url}api/session`, {
      method: 'POST',
      headers: { authorization: 'Bearer first-token' },
    });
    expect(exchanged.status).toBe(204);
    const setCookie = exchanged.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^lifeline_[0-9a-f]{12}=[\w-]{43}; Path=\/; Max-Age=34560000; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0]!;
    expect(await status(first.url, cookie)).toBe(200);
    expect(fs.statSync(path.join(dataDir, sessionSecretFile)).mode & 0o777).toBe(0o600);

    await close(first);
    const second = await start(dataDir, 'second-token');
    expect(await status(second.url, cookie)).toBe(200);
    const report = await fetch(`${second.url}session`, { headers: { cookie } });
    expect(await report.json()).toEqual({ ok: true, value: { signedIn: true } });
    const ws = new WebSocket(`${second.url.replace('http', 'ws')}api/events`, { headers: { cookie } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.close();
  });

  it('keeps refusing callers without the token or the cookie, and pages of other origins', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const server = await start(dataDir, 'tok');
    const cookie = (
      await fetch(`${server.url}api/session`, { method: 'POST', headers: { authorization: 'Bearer tok' } })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    expect(await status(server.url, '')).toBe(401);
    expect(await status(server.url, cookie.replace(/=.*/, '=not-the-secret'))).toBe(401);
    expect((await fetch(`${server.url}api/session`, { method: 'POST' })).status).toBe(401);
    expect(await status(server.url, cookie, { origin: 'http://127.0.0.1:9' })).toBe(403);
    expect(await status(server.url, cookie, { 'sec-fetch-site': 'cross-site' })).toBe(401);
    expect(await (await fetch(`${server.url}session`)).json()).toEqual({ ok: true, value: { signedIn: false } });
  });

  it('gives each data dir its own cookie, so two servers on one computer do not sign each other out', async () => {
    const a = await start(path.join(tempDir(), 'a'), 'ta');
    const b = await start(path.join(tempDir(), 'b'), 'tb');
    const cookieA = (
      await fetch(`${a.url}api/session`, { method: 'POST', headers: { authorization: 'Bearer ta' } })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const cookieB = (
      await fetch(`${b.url}api/session`, { method: 'POST', headers: { authorization: 'Bearer tb' } })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    expect(cookieA.split('=')[0]).not.toBe(cookieB.split('=')[0]);
    expect(await status(b.url, cookieA)).toBe(401);
    expect(await status(b.url, `${cookieA}; ${cookieB}`)).toBe(200);
  });

  it('makes a session secret that others could read private again', async () => {
    const dataDir = path.join(tempDir(), 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, sessionSecretFile), 'x'.repeat(43), { mode: 0o644 });
    await start(dataDir, 't');
    expect(fs.statSync(path.join(dataDir, sessionSecretFile)).mode & 0o777).toBe(0o600);
  });
});
