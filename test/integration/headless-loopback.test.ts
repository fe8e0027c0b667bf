import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';

// README, Headless mode: "runs the engine, serves the built UI and the API on 127.0.0.1 only and
// prints its URL with a per-launch random token". The Host and origin checks are request-guard.test.ts
// and browser-session.test.ts; this is the listening address and the token.

const opened = closeAfterEach();

const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port, timeout: 2_000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });

describe('lifeline serve as other computers see it', () => {
  it('listens on 127.0.0.1 alone, with a new random token at every launch', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
    // As serve-command.ts starts it, without LIFELINE_TOKEN.
    const a = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir }));
    const b = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir }));
    expect(a.url).toBe(`http://127.0.0.1:${a.port}/`);
    expect(a.token).toMatch(/^[\w-]{32,}$/);
    expect(b.token).not.toBe(a.token);

    expect(await connects('127.0.0.1', a.port)).toBe(true);
    // Every other address of this machine, as another computer on its network would reach it.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of others) expect(await connects(address, a.port), address).toBe(false);
  });
});
