import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthSnapshot, ServiceHealth } from '../../src/shared/contract';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { startAsrServer, startChatServer, type FakeService } from '../support/fake-services';
import { closeAfterEach } from '../support/close-after-each';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const env = {
  LIFELINE_WORKERS: '0',
  LIFELINE_HEALTH_STARTUP_TIMEOUT_MS: '0',
  // No round of checks on the interval during a test: whatever is checked was checked because of the change.
  LIFELINE_HEALTH_INTERVAL_MS: '3600000',
  LIFELINE_IDLE_POLL_MS: '50',
  LIFELINE_AVAILABILITY_MS: '200',
  PATH: process.env.PATH,
};

const closing = closeAfterEach();

async function serve<T extends FakeService>(s: Promise<T>): Promise<T> {
  const server = await s;
  closing.track(server);
  return server;
}

function open(): Lifeline {
  const app = openLifeline({ dataDir: path.join(tempDir(), 'data'), withEngine: true, processName: 'test', env });
  closing.track(app);
  return app;
}

const service = (h: HealthSnapshot, name: string): ServiceHealth | undefined => h.services.find((s) => s.name === name);
const names = (app: Lifeline) => app.health.snapshot().services.map((s) => s.name);

async function set(app: Lifeline, values: Record<string, string | null>): Promise<void> {
  const r = await app.call('settings:set', { values });
  if (!r.ok) throw new Error(r.error.message);
}

describe('the services a stage calls follow the settings without a restart', () => {
  it('switching transcription from a local engine to an HTTP server adds its health entry (checked at once) and its recovery handler; switching back drops them', async () => {
    const first = await serve(startAsrServer());
    const second = await serve(startAsrServer());
    const app = open();
    const pushed: HealthSnapshot[] = [];
    app.events.on('health.checked', (h) => pushed.push(h));
    await app.start();
    // The default engine is local: no server, so no entry and no handler.
    expect(names(app)).not.toContain('asr');
    expect(app.autoRecovery!.has('asr')).toBe(false);

    await set(app, { 'asr.engine': 'openai', 'asr.url': first.url });
    // At once: the entry exists (among the services, before the workers) and its recovery handler too.
    expect(names(app)).toEqual(['database', 'disk', 'queue', 'asr', 'workers', 'engine']);
    expect(service(app.health.snapshot(), 'asr')).toMatchObject({ label: 'Speech recognition server', required: true });
    expect(app.autoRecovery!.status('asr')).toMatchObject({ action: 're-probe the endpoint', attempts: 0 });
    // …and it is checked now, against the server the setting names, not at the next round.
    await waitFor('the new server to be checked', () => service(app.health.snapshot(), 'asr')?.status === 'up');
    expect(first.probes.length).toBeGreaterThan(0);
    expect(service(app.health.snapshot(), 'asr')).toMatchObject({
      message: expect.stringMatching(/^answered in/),
      autoRecovery: { action: 're-probe the endpoint' },
    });
    // UIs were told (the Services screen reloads on this).
    expect(pushed.some((h) => service(h, 'asr')?.status === 'up')).toBe(true);

    // Trigger recovery (the Services screen's button) runs the handler against that server.
    const probesBefore = first.probes.length;
    const ran = await app.call('recovery:triggerService', { name: 'asr' });
    expect(ran).toMatchObject({ ok: true, value: { service: 'asr', outcome: 'recovered' } });
    expect(first.probes.length).toBeGreaterThan(probesBefore);

    // The server moves: checks and recovery follow it to the new address.
    await set(app, { 'asr.url': second.url });
    await waitFor('the moved server to be checked', () => second.probes.length > 0);
    const atFirst = first.probes.length;
    expect(await app.call('recovery:triggerService', { name: 'asr' })).toMatchObject({
      ok: true,
      value: { outcome: 'recovered' },
    });
    expect(second.probes.length).toBeGreaterThan(1);
    expect(first.probes.length).toBe(atFirst);

    // Back to the local engine: the entry and the handler are gone, the list is what runs.
    pushed.length = 0;
    await set(app, { 'asr.engine': null, 'asr.url': null });
    // (A local engine that is installed is a service of its own: pocketsphinx or whisper.)
    expect(names(app).filter((n) => n !== 'pocketsphinx' && n !== 'whisper')).toEqual([
      'database',
      'disk',
      'queue',
      'workers',
      'engine',
    ]);
    expect(app.autoRecovery!.has('asr')).toBe(false);
    expect(pushed.at(-1)?.services.map((s) => s.name)).not.toContain('asr');
    expect(await app.call('health:service', { name: 'asr' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Every history at one moment names the services that run now, and no other.
    const details = await app.call('health:services', {});
    expect(details.ok && details.value.map((d) => d.name)).toEqual(names(app));
    expect(await app.call('recovery:triggerService', { name: 'asr' })).toMatchObject({ ok: false });
  }, 60_000);

  it('choosing an LLM server for extraction gives it a health entry and a recovery handler at once; choosing the rules again drops them', async () => {
    const llm = await serve(startChatServer(() => '{"memories":[]}'));
    const app = open();
    await app.start();
    expect(names(app)).not.toContain('llm');

    await set(app, { 'llm.engine': 'ollama', 'llm.url': llm.url });
    expect(service(app.health.snapshot(), 'llm')).toMatchObject({ label: 'Ollama server', required: true });
    expect(app.autoRecovery!.status('llm')).toMatchObject({ action: 're-probe the endpoint' });
    await waitFor('the LLM server to be checked', () => service(app.health.snapshot(), 'llm')?.status === 'up');
    expect(llm.probes.length).toBeGreaterThan(0);
    // It has a breaker as well, which the entry shows.
    expect(service(app.health.snapshot(), 'llm')?.breaker).toMatchObject({ state: 'closed' });

    await set(app, { 'llm.engine': null, 'llm.url': null });
    expect(names(app)).not.toContain('llm');
    expect(app.autoRecovery!.has('llm')).toBe(false);
  }, 60_000);
});

describe('a service the settings stop using', () => {
  it('no longer holds its stage with its open breaker once a local engine is chosen; the breaker stays listed', async () => {
    const asr = await serve(startAsrServer());
    const app = openLifeline({
      dataDir: path.join(tempDir(), 'data'),
      withEngine: true,
      processName: 'test',
      env: { ...env, LIFELINE_BREAKER_CONSECUTIVE_FAILURES: '1' },
    });
    closing.track(app);
    await set(app, { 'asr.engine': 'openai', 'asr.url': asr.url });
    await app.start();
    app.breakers.failure('asr', 'ASR_SERVER_ERROR: HTTP 500');
    app.engine!.refreshAvailability();
    const transcribe = () => app.engine!.stageStatus().find((s) => s.stage === 'transcribe')!;
    expect(transcribe().blockSources).toContain('breaker');

    await set(app, { 'asr.engine': 'pocketsphinx', 'asr.url': null });
    expect(transcribe().blockSources).not.toContain('breaker');
    // The local engine is a service of its own (its own breaker), when it is installed.
    expect(transcribe().service).not.toBe('asr');
    const listed = await app.call('breakers:list', {});
    // Still not closed (the server here is up, so a re-check that falls due meanwhile may half-open it).
    expect(listed.ok && listed.value.find((b) => b.name === 'asr')).toMatchObject({
      state: expect.stringMatching(/^(open|half_open)$/),
      stages: [],
    });
  }, 60_000);
});
