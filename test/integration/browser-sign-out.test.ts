import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionSecretFile } from '../../src/main/api/http/browser-session';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';

// README, Headless mode: "Delete `session-secret` to sign every browser out." The cookie surviving a
// restart is browser-session.test.ts; this is the way out of it.

const { track, close } = closeAfterEach();

function start(dataDir: string, token: string) {
  const app = track(openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} }));
  return startHeadlessServer(app, { port: 0, rendererDir: dataDir, token }).then((s) => track(s));
}

const signIn = async (url: string, token: string) =>
  (await fetch(`${url}api/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).headers
    .get('set-cookie')!
    .split(';')[0]!;

const status = (url: string, cookie: string) =>
  fetch(`${url}api/call/items:count`, { method: 'POST', headers: { cookie }, body: '{}' }).then((r) => r.status);

describe('signing every browser out', () => {
  it('deleting session-secret turns away every cookie handed out before, from the next start of serve', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await start(dataDir, 'first');
    const before = [await signIn(first.url, 'first'), await signIn(first.url, 'first')];
    await close(first);

    fs.rmSync(path.join(dataDir, sessionSecretFile));
    const second = await start(dataDir, 'second');
    for (const cookie of before) expect(await status(second.url, cookie)).toBe(401);
    // The printed address still signs a browser in, with a new secret.
    const after = await signIn(second.url, 'second');
    expect(await status(second.url, after)).toBe(200);
    expect(fs.existsSync(path.join(dataDir, sessionSecretFile))).toBe(true);
  });
});
