import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockedEngine } from '../../../test/support/clocked-engine';
import { fakeItem } from '../../../test/support/queue-fixture';
import { tempDir } from '../../../test/support/temp-dir';
import { waitFor } from '../../../test/support/wait-for';
import type { HealthSnapshot, Stage } from '../../shared/contract';
import type { BreakerView } from '../breakers/breaker-board';
import { defaultConfig, type EngineConfig } from '../config/config';
import type { DiskGuardEvents } from '../disk/disk-guard';
import type { EngineEvents } from '../engine/engine';
import type { StageHandler } from '../engine/stage-handler';
import type { AutoRecoveryEvents } from '../recovery/auto-recovery';
import type { Store } from '../store/store';
import { FakeClock } from '../time/clock';
import type { HealthMonitorEvents } from './health-monitor';
import type { RosterChange } from './service-roster';
import { startSelfHealing, type SelfHealingEnginePorts, type SelfHealingPorts } from './self-healing';

const snapshot = { overall: 'green', reasons: [] } as unknown as HealthSnapshot;
const openView: BreakerView = {
  name: 'asr',
  label: 'speech recognition',
  state: 'open',
  since: 0,
  openUntil: 30_000,
  consecutiveFailures: 0,
  reopenings: 1,
  reason: '5 failures in a row',
};
const noChange = (): RosterChange => ({ added: [], replaced: [], rebound: [], retired: [] });

/** Fake ports recording what the reactions did, in order; the emitters are real, so listeners can be counted. */
function fakes(stages: Stage[] = ['ingest', 'transcribe', 'extract', 'index']) {
  const did: string[] = [];
  const health = Object.assign(new EventEmitter<HealthMonitorEvents>(), {
    checkNow: async (name?: string) => {
      did.push(`check ${name ?? 'all'}`);
      return snapshot;
    },
    reschedule: () => void did.push('health reschedule'),
    attentionChanged: () => void did.push('attention'),
    snapshot: () => ({ ...snapshot, attention: { deadLetters: 0, newDeadLetters: 0, seenAt: null } }),
  });
  const disk = new EventEmitter<DiskGuardEvents>();
  let change = noChange();
  const engine = Object.assign(new EventEmitter<EngineEvents>(), {
    setBlock: (stage: Stage, source: string, reason: string | null) => void did.push(`block ${stage} ${reason}`),
    reconfigure: () => void did.push('engine reconfigure'),
  });
  const settings = Object.assign(new EventEmitter<{ changed: [EngineConfig] }>(), {
    reloadIfChanged: () => {
      did.push('settings reload');
      return false;
    },
  });
  const autoRecovery = Object.assign(new EventEmitter<AutoRecoveryEvents>(), {
    register: (name: string) => void did.push(`recovery register ${name}`),
    unregister: (name: string) => {
      did.push(`recovery unregister ${name}`);
      return true;
    },
  });
  const withEngine: SelfHealingEnginePorts = {
    engine: engine as unknown as SelfHealingEnginePorts['engine'],
    settings: settings as unknown as SelfHealingEnginePorts['settings'],
    roster: {
      sync: () => {
        did.push('roster sync');
        return change;
      },
    },
    breakers: { configure: () => void did.push('breakers configure') },
    watch: {
      onBreaker: (v) => void did.push(`watch breaker ${v.name} ${v.state}`),
      onResult: (name, r) => void did.push(`watch result ${name} ${r.status}`),
      retire: (name) => void did.push(`watch retire ${name}`),
    },
    autoRecovery: autoRecovery as unknown as SelfHealingEnginePorts['autoRecovery'],
    databaseRecovery: { action: 'reopen the database', run: async () => 'reopened' },
  };
  const announced: string[] = [];
  const ports: SelfHealingPorts = {
    stages,
    health: health as unknown as SelfHealingPorts['health'],
    disk,
    announce: {
      healthChanged: () => void announced.push('health.changed'),
      healthChecked: () => void announced.push('health.checked'),
      breakerChanged: (v) => void announced.push(`breaker.changed ${v.name}`),
    },
    withEngine,
  };
  const emitters = { health, disk, engine, settings, autoRecovery };
  const listeners = () =>
    Object.entries(emitters).flatMap(([name, e]) =>
      e.eventNames().map((event) => `${name}.${String(event)}×${e.listenerCount(event)}`),
    );
  return {
    ports,
    did,
    announced,
    ...emitters,
    listeners,
    willChange: (c: Partial<RosterChange>) => (change = { ...noChange(), ...c }),
  };
}

const result = (status: 'up' | 'down', message = '') => ({ status, message, latencyMs: 1, at: 0 });

describe('self-healing reactions', () => {
  it('a settings change moves the breakers, checks and recovery of the services first, then the engine; retired services are no longer watched, new and moved ones are checked now', () => {
    const f = fakes();
    startSelfHealing(f.ports);
    f.did.length = 0;
    f.willChange({ added: ['llm'], replaced: ['asr'], rebound: ['ollama'], retired: ['whisper'] });
    f.settings.emit('changed', structuredClone(defaultConfig));
    expect(f.did).toEqual([
      'roster sync',
      'breakers configure',
      'engine reconfigure',
      'watch retire whisper',
      'check llm',
      'check asr',
      'check ollama',
      'health reschedule',
      'check queue',
    ]);
  });

  it("a breaker change reaches the service watch (auto-recovery, re-checks), the UIs' event and a health check of its service", () => {
    const f = fakes();
    startSelfHealing(f.ports);
    f.did.length = 0;
    f.engine.emit('breaker.changed', openView);
    expect(f.did).toEqual(['watch breaker asr open', 'check asr']);
    expect(f.announced).toEqual(['breaker.changed asr']);
  });

  it('a health result reaches the service watch; only the disk check holds the stages', () => {
    const f = fakes(['ingest', 'transcribe']);
    startSelfHealing(f.ports);
    f.did.length = 0;
    f.health.emit('result', 'asr', result('down', 'refused'));
    expect(f.did).toEqual(['watch result asr down']);
    f.did.length = 0;
    f.health.emit('result', 'disk', result('down', 'disk full: 10 MB free'));
    expect(f.did).toEqual([
      'block ingest paused: disk full: 10 MB free',
      'block transcribe paused: disk full: 10 MB free',
      'watch result disk down',
    ]);
    f.did.length = 0;
    f.health.emit('result', 'disk', result('up'));
    expect(f.did).toEqual(['block ingest null', 'block transcribe null', 'watch result disk up']);
  });

  it("registers the database's recovery, checks after every auto-recovery change, reloads settings another process wrote and follows dead letters", () => {
    const f = fakes();
    startSelfHealing(f.ports);
    expect(f.did).toEqual(['recovery register database']);
    f.did.length = 0;
    f.autoRecovery.emit('changed', {} as AutoRecoveryEvents['changed'][0]);
    f.engine.emit('foreign.write');
    expect(f.did).toEqual(['check all', 'settings reload', 'attention']);
  });

  it('a disk level change is checked at once, and health rounds are announced, in a process without an engine too', () => {
    const f = fakes();
    startSelfHealing({ ...f.ports, withEngine: null });
    f.disk.emit('level', { freeBytes: 1, level: 'full' });
    f.health.emit('overall', snapshot);
    f.health.emit('checked', snapshot);
    expect(f.did).toEqual(['check disk']);
    expect(f.announced).toEqual(['health.changed', 'health.checked']);
    expect(f.listeners()).toEqual(['health.overall×1', 'health.checked×1', 'disk.level×1']);
  });

  it('its stop unwires every reaction: no listener is left and nothing reacts any more', () => {
    const f = fakes();
    const stop = startSelfHealing(f.ports);
    expect(f.listeners().length).toBeGreaterThan(5);
    void stop();
    expect(f.listeners()).toEqual([]);
    expect(f.did).toEqual(['recovery register database', 'recovery unregister database']);
  });
});

describe('self-healing with a real engine, on a fake clock', () => {
  const open: { store: Store; stop: () => Promise<unknown>; clock: FakeClock }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) {
      const stopping = o.stop();
      await o.clock.advanceAsync(defaultConfig.workerStopMs);
      await stopping;
      o.store.close();
    }
  });

  it('a full disk parks every stage with no attempt spent, and space returning resumes the work', async () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const stage = (s: Stage): StageHandler => ({
      stage: s,
      availability: () => ({ ok: true }),
      run: async (ctx) => {
        runs.push(ctx.item.id);
        return 'ok';
      },
    });
    const order: Stage[] = ['ingest', 'transcribe'];
    const { store, engine } = clockedEngine(path.join(tempDir(), 'data'), {
      clock,
      stages: () => order.map(stage),
    });
    open.push({ store, stop: () => engine.stop(0), clock });
    const f = fakes(order);
    const stop = startSelfHealing({
      ...f.ports,
      withEngine: { ...f.ports.withEngine!, engine },
    });
    const id = engine.queue.add(fakeItem()).itemId;
    f.health.emit('result', 'disk', result('down', 'disk full: 10 MB free'));
    engine.start();
    await clock.runDue();
    expect(store.reads.summary(id)).toMatchObject({
      state: 'waiting',
      attempts: 0,
      waitReason: 'paused: disk full: 10 MB free',
    });
    expect(engine.stageStatus().map((s) => s.blockSources)).toEqual([['disk'], ['disk']]);

    await clock.advanceAsync(60_000); // however long it lasts, nothing is tried meanwhile
    expect(runs).toEqual([]);
    expect(store.reads.summary(id)!.attempts).toBe(0);

    f.health.emit('result', 'disk', result('up'));
    expect(engine.stageStatus().map((s) => s.blockSources)).toEqual([[], []]);
    await waitFor('the item to be done', async () => {
      await clock.runDue();
      return store.reads.summary(id)!.state === 'done';
    });
    expect(runs).toEqual([id, id]);
    expect(store.reads.summary(id)!.attempts).toBe(1);
    void stop();
  });
});
