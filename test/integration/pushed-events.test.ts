import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PushedEvent } from '../../src/shared/contract';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/api/http/headless-server';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { testStagesFor } from '../support/test-stages';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const open: { app: Lifeline; server: HeadlessServer; ws: WebSocket }[] = [];
afterEach(async () => {
  for (const { app, server, ws } of open.splice(0)) {
    ws.close();
    await server.close();
    await app.close(0);
  }
});

/** A Lifeline with the test stages, served on 127.0.0.1 with the token `t`. */
async function served(stages: Parameters<typeof testStagesFor>[0]): Promise<{ app: Lifeline; server: HeadlessServer }> {
  const dataDir = path.join(tempDir(), 'data');
  const app = openLifeline({
    dataDir,
    withEngine: true,
    processName: 'test',
    stages: testStagesFor(stages),
    env: { LIFELINE_WORKERS: '0', LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0' },
  });
  return { app, server: await startHeadlessServer(app, { port: 0, rendererDir: dataDir, token: 't' }) };
}

describe('pushed events', () => {
  it('pushes health and breaker changes to connected UIs over the WebSocket', async () => {
    const { app, server } = await served({ serviceUrl: 'http://127.0.0.1:9/' });
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/events?token=t`);
    open.push({ app, server, ws });
    const events: PushedEvent[] = [];
    ws.on('message', (data) => events.push(JSON.parse(String(data)) as PushedEvent));
    await new Promise((r) => ws.once('open', r));
    await app.start();

    await app.call('settings:set', { values: { 'health.diskAmberBytes': 2 ** 50, 'health.diskRedBytes': 2 ** 50 } });
    await app.call('health:check', {});
    const red = await waitFor('a red health event', () =>
      events.find((e) => e.type === 'health.changed' && e.health.overall === 'red'),
    );
    expect(red.type === 'health.changed' && red.health.reasons.join()).toContain('Disk space is down');
    // Every round of checks is pushed too, so history strips and latency charts stay current.
    const checked = await waitFor('a health round event', () => events.find((e) => e.type === 'health.checked'));
    expect(checked.type === 'health.checked' && checked.health.services.map((s) => s.name)).toContain('disk');

    for (let i = 0; i < 5; i++) app.engine!.breakers.failure('asr', 'connection refused');
    const opened = await waitFor('a breaker event', () => events.find((e) => e.type === 'breaker.changed'));
    expect(opened).toMatchObject({
      type: 'breaker.changed',
      breaker: { name: 'asr', state: 'open', stages: ['transcribe'] },
    });
  });

  it('tells every open page, and one that connects while it drains, that the server is stopping', async () => {
    const { app, server } = await served({});
    const connect = async () => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/events?token=t`);
      const messages: unknown[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data))));
      await new Promise((r) => ws.once('open', r));
      return { ws, messages };
    };
    const before = await connect();
    open.push({ app, server, ws: before.ws });
    await app.start();
    expect(before.messages).not.toContainEqual({ server: 'stopping' });
    server.stopping();
    await waitFor('the open page to hear it', () => before.messages.length > 0);
    expect(before.messages).toContainEqual({ server: 'stopping' });
    const late = await connect();
    await waitFor('the late page to hear it', () => late.messages.length > 0);
    expect(late.messages).toEqual([{ server: 'stopping' }]);
    late.ws.close();
  });
});
