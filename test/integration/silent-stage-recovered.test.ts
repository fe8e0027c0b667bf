import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import { FakeClock } from '../../src/main/time/clock';
import { clockedEngine } from '../support/clocked-engine';
import { testItem } from '../support/lifeline-calls';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { stopEnginesAfterEach } from '../support/close-after-each';

// The item screen: "A stage that stops answering is also recovered on its own within seconds"; README:
// "a stuck scan every 2 s applies four rules (lease expired, …)". A worker that stops answering stops
// renewing its lease; with the defaults (lease 10 s, scan every 2 s) its job is recovered 10 to 12 s
// after its last heartbeat. Real engine and store, on the engine clock; worker-crash.test.ts plays the
// same with real processes and a short lease.

const engines = stopEnginesAfterEach();

describe('a stage that stops answering, with the defaults', () => {
  it('is recovered by the stuck scan between 10 and 12 s after its last heartbeat, and its item runs again', async () => {
    const clock = new FakeClock();
    const ran: number[] = [];
    const stage: StageHandler = {
      stage: 'ingest',
      availability: () => ({ ok: true }),
      run: async (ctx) => {
        ran.push(ctx.item.id);
        return 'ok';
      },
    };
    const f = clockedEngine(path.join(tempDir(), 'data'), { clock, stages: () => [stage] });
    engines.track(f);
    expect(f.config.stuckScanMs).toBe(2_000);
    expect(f.config.stages.ingest.leaseMs).toBe(10_000);

    const id = f.engine.queue.add(testItem('memo.wav')).itemId;
    // A worker of this engine took the job and then went silent (frozen): nothing renews its lease.
    expect(f.engine.queue.claim('ingest', `${f.engine.owner}/worker-frozen`)).toBeDefined();
    f.engine.start();

    await clock.advanceAsync(9_999);
    expect(f.store.recoveryLog.forItem(id)).toEqual([]);
    expect(ran).toEqual([]);

    await clock.advanceAsync(2_001);
    const [row] = f.store.recoveryLog.forItem(id);
    expect(row).toMatchObject({ rule: 'lease_expired', trigger: 'scan' });
    await waitFor('the item to run again', async () => {
      await clock.advanceAsync(100);
      return ran.includes(id);
    });
    expect(f.store.reads.detail(id)).toMatchObject({ state: 'done' });
  });
});
