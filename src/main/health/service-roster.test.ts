import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { BreakerBoard } from '../breakers/breaker-board';
import { defaultConfig } from '../config/config';
import { dataPaths } from '../config/data-dir';
import type { StageHandler, StageService } from '../engine/stage-handler';
import { createLogger } from '../log/logger';
import { openStore, type Store } from '../store/store';
import { FakeClock } from '../time/clock';
import { HealthMonitor } from './health-monitor';
import { ServiceRoster } from './service-roster';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
const log = createLogger(null, 'test');

/** A roster over a transcribe stage whose service follows `current.asr` (as the settings-bound stage does). */
function rosterOver(current: { asr: StageService | undefined }, seed?: (store: Store) => void) {
  const store = openStore(dataPaths(path.join(tempDir(), 'data')));
  opened.push(store);
  seed?.(store);
  const clock = new FakeClock();
  const breakers = new BreakerBoard({ store, clock, config: () => defaultConfig.breaker, log });
  const stage: StageHandler = {
    stage: 'transcribe',
    availability: () => ({ ok: true }),
    run: async () => 'ok',
    get service() {
      return current.asr;
    },
  };
  const health = new HealthMonitor({
    probes: [],
    clock,
    config: () => defaultConfig.health,
    store,
    log,
    source: 'store',
    deadLetters: () => ({ total: 0, unseen: 0, seenAt: null }),
    extras: () => ({ breaker: null, needsYou: false, autoRecovery: null }),
  });
  const roster = new ServiceRoster({
    stages: [stage],
    kept: () => store.breakers.all().map((b) => b.name),
    health,
    breakers,
    recovery: null,
    placeBefore: [],
    log,
  });
  return { roster, breakers, health, store };
}

const http = (label = 'speech recognition (HTTP)'): StageService => ({ name: 'asr', label, kind: 'http-endpoint' });

describe('the service roster registers the breakers', () => {
  it("of the services the stages call, as the settings change them; a retired one's breaker stays on the board", () => {
    const current = { asr: http() as StageService | undefined };
    const f = rosterOver(current);
    expect(f.breakers.list()).toEqual([]);
    f.roster.sync();
    expect(f.breakers.list().map((b) => [b.name, b.label])).toEqual([['asr', 'speech recognition (HTTP)']]);
    expect(f.health.names()).toEqual(['asr']);

    current.asr = http('speech recognition (another server)');
    expect(f.roster.sync().replaced).toEqual(['asr']);
    expect(f.breakers.view('asr')!.label).toBe('speech recognition (another server)');

    current.asr = undefined;
    expect(f.roster.sync().retired).toEqual(['asr']);
    expect(f.health.names()).toEqual([]);
    expect(f.breakers.names()).toEqual(['asr']); // `lifeline breakers` still shows and resets it
  });

  it('of services no stage calls now but the store keeps a breaker of, after those in use, with their state', () => {
    const f = rosterOver({ asr: http() }, (store) => {
      const board = new BreakerBoard({ store, clock: new FakeClock(), config: () => defaultConfig.breaker, log });
      board.register('whisper', 'speech recognition (whisper.cpp)');
      for (let i = 0; i < 5; i++) board.failure('whisper', 'model failed to load');
      board.stop();
    });
    f.roster.sync();
    expect(f.breakers.list().map((b) => [b.name, b.state])).toEqual([
      ['asr', 'closed'],
      ['whisper', 'open'],
    ]);
    expect(f.health.names()).toEqual(['asr']); // kept for the breakers list only: no check, no recovery
    f.breakers.stop();
  });
});
