import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BreakerInfo, HealthSnapshot, Metrics, ScanResult } from '../../src/shared/contract';
import { dataPaths } from '../../src/main/config/data-dir';
import { openStore } from '../../src/main/store/store';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { runCliHere } from '../support/cli-in-process';
import { startServe } from '../support/serve-process';
import { runCli } from '../support/spawn';
import { waitFor } from '../support/wait-for';
import { tempDir } from '../support/temp-dir';

describe('the self-healing CLI commands, run as real processes', () => {
  it('lifeline health --json reports the overall status, its reasons and every service, and says no engine is running', async () => {
    const data = path.join(tempDir(), 'data');
    const r = await runCliHere(data, ['health', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout) as HealthSnapshot;
    expect(h).toMatchObject({ overall: 'amber', source: 'store' });
    expect(h.reasons).toEqual([expect.stringContaining('no Lifeline app or `lifeline serve` is running')]);
    // (An installed local transcription engine is checked too: pocketsphinx or whisper.)
    expect(h.services.map((s) => s.name).filter((n) => n !== 'pocketsphinx' && n !== 'whisper')).toEqual([
      'database',
      'disk',
      'queue',
      'engine',
    ]);
    expect(Object.keys(h.services[0]!).sort()).toEqual(
      [
        'autoRecovery',
        'breaker',
        'checkedAt',
        'label',
        'latencyMs',
        'message',
        'name',
        'needsYou',
        'required',
        'status',
        'uptimePercent',
      ].sort(),
    );
    const human = await runCliHere(data, ['health']);
    expect(human.stdout).toMatch(/^overall: amber/);
    expect(human.stdout).toContain('Database');
  });

  it('lifeline breakers lists persisted breakers and `breakers reset NAME` closes one', async () => {
    const data = path.join(tempDir(), 'data');
    const store = openStore(dataPaths(data));
    store.breakers.save(
      'asr',
      { kind: 'open', openedAt: Date.now(), until: Date.now() + 60_000, reopenings: 0, reason: '5 failures in a row' },
      Date.now(),
    );
    store.close();
    const list = JSON.parse((await runCliHere(data, ['breakers', '--json'])).stdout) as BreakerInfo[];
    expect(list.find((b) => b.name === 'asr')).toMatchObject({
      name: 'asr',
      state: 'open',
      reason: '5 failures in a row',
    });
    const reset = await runCliHere(data, ['breakers', 'reset', 'asr']);
    expect(reset.stdout.trim()).toBe('breaker asr is closed');
    const unknown = await runCliHere(data, ['breakers', 'reset', 'llm']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/there is no breaker "llm" \(known: (asr|.*, asr|asr, .*)\)/);
  });

  it('lifeline recover --scan works without an engine and says which rules it could apply', async () => {
    const dir = tempDir();
    const f = queueFixture(path.join(dir, 'data'));
    const id = f.queue.add(fakeItem()).itemId;
    // Claimed on the fixture's clock (early 2026) by a process that is gone: its lease is long expired.
    f.queue.claim('ingest', `${os.hostname()}:2147483000:1`);
    f.store.close();
    const r = await runCliHere(path.join(dir, 'data'), ['recover', '--scan', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const scan = JSON.parse(r.stdout) as ScanResult;
    expect(scan).toMatchObject({
      scope: 'store',
      recovered: [{ itemId: id, rule: 'lease_expired', strategy: 'restart', result: 'requeued' }],
    });
    expect(scan.note).toContain('no engine runs in this process');
    const none = await runCliHere(path.join(dir, 'data'), ['recover']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('lifeline: give one of: an item id, --scan, --reset-stuck');
  });

  it('lifeline metrics --json gives counts, throughput, latency, recovery and dead letters', async () => {
    const data = path.join(tempDir(), 'data');
    const m = JSON.parse((await runCliHere(data, ['metrics', '--json'])).stdout) as Metrics;
    expect(Object.keys(m).sort()).toEqual([
      'at',
      'counts',
      'deadLetters',
      'latency',
      'recovery24h',
      'throughputPerMinute',
    ]);
    expect(m.throughputPerMinute).toHaveLength(60);
    expect(m.recovery24h).toEqual({ recoveries: 0, successRate: null, meanTimeToRecoveryMs: null });
  });

  it('lifeline health says at once that the engine is gone when its process was killed, not a minute later', async () => {
    const data = path.join(tempDir(), 'data');
    const serve = await startServe(data);
    const store = openStore(dataPaths(data));
    try {
      await waitFor('the engine to record a check', () => store.health.history('engine', 1).length > 0, 30_000);
    } finally {
      store.close();
    }
    const running = JSON.parse((await runCli(data, ['health', '--json'])).stdout) as HealthSnapshot;
    expect(running.services.find((s) => s.name === 'engine')!.message).toMatch(/^running/);
    serve.child.kill('SIGKILL');
    await serve.done;
    const h = JSON.parse((await runCli(data, ['health', '--json'])).stdout) as HealthSnapshot;
    expect(h.services.find((s) => s.name === 'engine')).toMatchObject({
      status: 'down',
      message: expect.stringContaining('is gone: nothing is being processed'),
    });
  }, 90_000);
});
