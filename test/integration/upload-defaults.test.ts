import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline } from '../../src/main/lifeline';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// README, Headless mode: "4 GiB at most" for an upload, and "An upload that sends nothing for 60 s is answered 408 and its partial file
// removed." What happens when the time is up is test/integration/api-strictness.test.ts (with a short
// wait); this proves the wait a user gets: the server started as `lifeline serve` starts it (no
// uploadIdleMs) gives the upload's connection 60 s of silence, not less and not more.

const opened = closeAfterEach();
afterEach(() => void vi.restoreAllMocks());

describe('an upload that stops sending, with the defaults', () => {
  it('is given 60 s of silence before it is answered 408', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
    // As serve-command.ts starts it: a port, the renderer, maybe a token; no upload wait.
    const server = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't' }));
    const timeouts = vi.spyOn(net.Socket.prototype, 'setTimeout');

    const req = http.request(`${server.url}api/upload?name=slow.wav`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-length': '100000' },
    });
    req.on('error', () => undefined);
    req.write('RIFF....WAVE');
    const tmp = path.join(dataDir, 'tmp');
    await waitFor('the partial upload on disk', () =>
      fs.existsSync(tmp) ? fs.readdirSync(tmp).some((f) => f.endsWith('.part')) : false,
    );
    // The server's end of this connection (the client's end lives in this process too).
    const waits = timeouts.mock.calls
      .filter((_, i) => (timeouts.mock.contexts[i] as net.Socket).localPort === server.port)
      .map((c) => c[0])
      .filter((ms) => ms > 0);
    req.destroy();
    expect(waits).toEqual([60_000]);
  });

  it('takes a body of 4 GiB and refuses one byte more with 413 before anything is stored', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const app = opened.track(openLifeline({ dataDir, withEngine: false, processName: 'test' }));
    const server = opened.track(await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't' }));
    const tmp = path.join(dataDir, 'tmp');
    const parts = () => (fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.endsWith('.part')) : []);
    const upload = (bytes: number) => {
      const answer = new Promise<{ status: number; body: string }>((resolve) => {
        const req = http.request(`${server.url}api/upload?name=big.wav`, {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-length': String(bytes) },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', () => resolve({ status: 0, body: '' }));
        req.write('RIFF....WAVE');
        answers.push(req);
      });
      return answer;
    };
    const answers: http.ClientRequest[] = [];

    const over = await upload(4 * 1024 ** 3 + 1);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(JSON.parse(over.body).error.message).toContain('larger than 4 GiB');
    expect(parts()).toEqual([]);

    // Exactly 4 GiB is taken: the server starts storing it (the rest is not sent here).
    void upload(4 * 1024 ** 3);
    await waitFor('the 4 GiB upload being stored', () => parts().length === 1);
    for (const req of answers) req.destroy();
  });
});
