import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeItem, queueFixture } from '../../../test/support/queue-fixture';
import { tempDir } from '../../../test/support/temp-dir';
import { waitFor } from '../../../test/support/wait-for';
import { BreakerBoard } from '../breakers/breaker-board';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import { stageBreakers } from '../../../test/support/stage-breakers';
import { Engine } from './engine';
import { StageAvailability } from './stage-availability';
import { StageGates } from './stage-gates';
import type { StageHandler } from './stage-handler';

const log = createLogger(null, 'test');
const opened: Store[] = [];
const engines: { engine: Engine; clock: FakeClock }[] = [];
afterEach(async () => {
  for (const { engine, clock } of engines.splice(0)) {
    const stopping = engine.stop(0);
    await clock.advanceAsync(engine.currentConfig.workerStopMs);
    await stopping;
  }
  for (const s of opened.splice(0)) s.close();
});

const asr = { name: 'asr', label: 'speech recognition', kind: 'http-endpoint' as const };

/** An ingest stage calling the `asr` service; `configured` says whether an engine is set up. */
function asrStage(s: { configured: boolean; runs: string[]; breakers?: () => BreakerBoard }): StageHandler {
  return {
    stage: 'ingest',
    service: asr,
    availability: () => (s.configured ? { ok: true } : { ok: false, reason: 'no speech engine is configured' }),
    run: async (ctx) => {
      s.runs.push(`${ctx.item.id}:${s.breakers?.().view('asr')!.state ?? '?'}`);
      return 'ok';
    },
  };
}

describe('stage availability', () => {
  it("parks a stage's queued jobs while its breaker is not closed, with the reason and no attempt spent, and resumes them when it closes", () => {
    const f = queueFixture(path.join(tempDir(), 'data'));
    opened.push(f.store);
    const breakers = new BreakerBoard({ store: f.store, clock: f.clock, config: () => defaultConfig.breaker, log });
    let changed = 0;
    const availability = new StageAvailability({
      handlers: new Map([['ingest', asrStage({ configured: true, runs: [] })]]),
      gates: new StageGates(),
      breakers,
      queue: f.queue,
      config: () => defaultConfig,
      clock: f.clock,
      log,
      changed: () => changed++,
    });
    const ids = [f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId];
    breakers.register('asr', 'speech recognition');
    const summary = (id: number) => f.store.reads.summary(id)!;

    for (let i = 0; i < 5; i++) breakers.failure('asr', 'HTTP 503');
    availability.refresh();
    for (const id of ids) {
      expect(summary(id)).toMatchObject({ state: 'waiting', attempts: 0 });
      expect(summary(id).waitReason).toMatch(/^speech recognition is failing \(5 failures in a row.*\); next try at /);
    }
    expect(changed).toBe(1);

    f.clock.advance(30_005); // the board's own timer half-opens the breaker
    availability.refresh();
    expect(summary(ids[0]!).waitReason).toBe(
      'speech recognition may be back: trying one item before resuming the rest',
    );

    breakers.tryProbe('asr');
    breakers.success('asr');
    availability.refresh();
    for (const id of ids) expect(summary(id)).toMatchObject({ state: 'queued', attempts: 0, waitReason: null });
    breakers.stop();
  });

  it('parks jobs that reach a blocked stage after it was parked', () => {
    const f = queueFixture(path.join(tempDir(), 'data'));
    opened.push(f.store);
    const gates = new StageGates();
    let changed = 0;
    const availability = new StageAvailability({
      handlers: new Map([['ingest', asrStage({ configured: false, runs: [] })]]),
      gates,
      breakers: new BreakerBoard({ store: f.store, clock: f.clock, config: () => defaultConfig.breaker, log }),
      queue: f.queue,
      config: () => defaultConfig,
      clock: f.clock,
      log,
      changed: () => changed++,
    });
    availability.refresh();
    const id = f.queue.add(fakeItem()).itemId;
    expect(f.store.reads.summary(id)!.state).toBe('queued');
    availability.parkNewArrivals('ingest', gates.reason('ingest')!);
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'waiting', waitReason: 'no speech engine is configured' });
    expect(changed).toBe(1);
    availability.parkNewArrivals('ingest', gates.reason('ingest')!); // nothing new: no write
    expect(changed).toBe(1);
  });
});

describe('stage availability in the engine, on its clock', () => {
  /** An engine with the user's default intervals on a real store, a fake clock and the asr stage. */
  function engineOver(s: { configured: boolean; runs: string[] }) {
    const clock = new FakeClock();
    const paths = dataPaths(path.join(tempDir(), 'data'));
    const store = openStore(paths);
    opened.push(store);
    const stages = [asrStage(Object.assign(s, { breakers: () => engine.breakers }))];
    const engine: Engine = new Engine({
      store,
      paths,
      config: structuredClone(defaultConfig),
      clock,
      log,
      stages,
      breakers: stageBreakers({ store, clock, log, stages }),
    });
    engines.push({ engine, clock });
    const add = () => engine.queue.add({ ...fakeItem(), sha256: crypto.randomBytes(32).toString('hex') }).itemId;
    return { clock, store, engine, add, state: (id: number) => store.reads.summary(id)!.state };
  }

  it('re-checks every 5 s: jobs waiting for an engine to be configured resume at the next check after it is', async () => {
    const s = { configured: false, runs: [] as string[] };
    const f = engineOver(s);
    const id = f.add();
    f.engine.start();
    await f.clock.runDue();
    expect(f.store.reads.summary(id)).toMatchObject({ state: 'waiting', waitReason: 'no speech engine is configured' });

    await f.clock.advanceAsync(2_000);
    s.configured = true;
    await f.clock.advanceAsync(2_999);
    expect(f.state(id)).toBe('waiting');
    await f.clock.advanceAsync(1);
    expect(f.state(id)).not.toBe('waiting');
    await waitFor('the item to be done', () => f.state(id) === 'done');
  });

  it('sends one job through as a probe when the open time is up (30 s), then resumes the rest once it passes', async () => {
    const s = { configured: true, runs: [] as string[] };
    const f = engineOver(s);
    for (let i = 0; i < 5; i++) f.engine.breakers.failure('asr', 'HTTP 503');
    const ids = [f.add(), f.add(), f.add()];
    f.engine.start();
    await f.clock.advanceAsync(30_000);
    expect(ids.map(f.state)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(s.runs).toEqual([]);

    await f.clock.advanceAsync(5);
    await waitFor('every item to be done', () => ids.every((id) => f.state(id) === 'done'));
    expect(s.runs.map((r) => r.split(':')[1])).toEqual(['half_open', 'closed', 'closed']);
    expect(
      f.store.serviceEvents
        .recent(10, 'asr')
        .reverse()
        .map((e) => `${e.type}@${e.at - Date.UTC(2026, 0, 1)}`),
    ).toEqual(['breaker_open@0', 'breaker_half_open@30005', 'breaker_closed@30005']);
    for (const id of ids) expect(f.store.reads.summary(id)!.attempts).toBe(1);
  });
});
