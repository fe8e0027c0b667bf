import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import { createLogger } from '../../src/main/log/logger';
import type { ClaimedJob } from '../../src/main/queue/queue-store';
import { RecoveryManager } from '../../src/main/recovery/recovery-manager';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

/** The owner id of an engine process that has exited: its leases are what a killed engine leaves. */
function deadEngine(): string {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  return `${os.hostname()}:${pid}:1`;
}

/**
 * An engine killed over and over while the same job waits for its worker to start: each next engine's
 * startup sweep finds the job held by a process that is gone. With the defaults a user has, the
 * recoveries it may spend are `maxRecoveries` (5).
 */
function setup() {
  const f = queueFixture(tempDir());
  const id = f.queue.add(fakeItem()).itemId;
  let starts = 0;
  /** The next engine process starts: its recovery sweeps what the killed one left. */
  const nextEngineStarts = () =>
    new RecoveryManager({
      store: f.store,
      queue: f.queue,
      owner: `${os.hostname()}:${process.pid}:${++starts}`,
      clock: f.clock,
      config: () => defaultConfig,
      handlers: new Map(),
      kill: () => false,
      log: createLogger(null, 'test'),
    }).startupSweep();
  /** A killed engine had claimed the job; `waiting`: its worker was still starting. */
  const claimedByKilledEngine = (waiting: boolean): ClaimedJob => {
    const job = f.queue.claim('ingest', deadEngine())!;
    expect(job.itemId).toBe(id);
    // As the worker pool does when the job's stage has no ready worker.
    if (waiting) expect(f.queue.awaitWorker(job)).toBe(true);
    return job;
  };
  const row = () =>
    f.store.db
      .prepare(`SELECT state, attempts, recoveries, error_code, error_message FROM jobs WHERE item_id = ?`)
      .get(id) as { state: string; attempts: number; recoveries: number; error_code: string | null };
  const events = () => f.store.reads.detail(id)!.events;
  return { f, id, nextEngineStarts, claimedByKilledEngine, row, events };
}

const kills = defaultConfig.maxRecoveries + 2;

describe('an engine killed while a job waits for its worker', () => {
  it(`spends none of the job's recoveries or attempts, killed ${kills} times in a row (the default limit is ${defaultConfig.maxRecoveries})`, () => {
    const s = setup();
    for (let k = 0; k < kills; k++) {
      s.claimedByKilledEngine(true);
      const out = s.nextEngineStarts();
      expect(out).toEqual([
        expect.objectContaining({ itemId: s.id, rule: 'worker_gone', strategy: 'requeue', result: 'requeued' }),
      ]);
      expect(s.row()).toMatchObject({ state: 'queued', attempts: 0, recoveries: 0, error_code: null });
    }
    // Not a recovery: no row in the recovery log (what metrics and the part-tries count read)…
    expect(s.f.store.recoveryLog.forItem(s.id)).toEqual([]);
    // …and the timeline says each time why the job went back.
    const back = s.events().filter((e) => e.type === 'released');
    expect(back).toHaveLength(kills);
    expect(back[0]!.detail).toMatch(
      /is gone\); its work had not begun: it was waiting for its worker to start; back in the queue, no recovery counted$/,
    );
    // Then an engine that lives runs it: its first attempt, with every recovery still ahead of it.
    const run = s.f.queue.claim('ingest', 'engine-alive')!;
    expect(run).toMatchObject({ itemId: s.id, attempts: 1, recoveries: 0 });
    expect(s.f.queue.finish(run, { kind: 'succeeded' })).toBe(true);
    expect(s.row()).toMatchObject({ state: 'queued', attempts: 0, recoveries: 0 });
  });

  it('counts a recovery, as before, once the worker took the job, and dead-letters it after the limit', () => {
    const s = setup();
    for (let k = 1; k <= defaultConfig.maxRecoveries; k++) {
      const job = s.claimedByKilledEngine(true);
      // The worker started and took the job; then the engine was killed.
      expect(s.f.queue.workBegins(job)).toBe(true);
      expect(s.nextEngineStarts()).toEqual([expect.objectContaining({ strategy: 'restart', result: 'requeued' })]);
      expect(s.row()).toMatchObject({ state: 'queued', attempts: 0, recoveries: k });
    }
    s.claimedByKilledEngine(true);
    // A job waiting again for a new worker still spends nothing, even with its recoveries used up.
    expect(s.nextEngineStarts()).toEqual([expect.objectContaining({ strategy: 'requeue' })]);
    expect(s.row()).toMatchObject({ state: 'queued', recoveries: defaultConfig.maxRecoveries });
    // A claim handed to a ready worker at once is begun: the next kill is one too many.
    s.claimedByKilledEngine(false);
    expect(s.nextEngineStarts()).toEqual([expect.objectContaining({ strategy: 'escalate', result: 'dead' })]);
    expect(s.row()).toMatchObject({ state: 'dead', error_code: 'RECOVERY_EXHAUSTED' });
    expect(s.f.store.recoveryLog.forItem(s.id)).toHaveLength(defaultConfig.maxRecoveries + 1);
  });
});
