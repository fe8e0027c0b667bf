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

// README, Headless mode: "An upload that sends nothing for 60 s is answered 408 and its partial file
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
});
