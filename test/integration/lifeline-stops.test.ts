import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { getTasks } from 'node-cron';
import { describe, expect, it } from 'vitest';
import type { StageHandler } from '../../src/main/engine/stage-handler';
import type { Lifeline } from '../../src/main/lifeline';
import { FakeClock } from '../../src/main/time/clock';
import { closeAfterEach } from '../support/close-after-each';
import { idleStage, openAtDefaults } from '../support/lifeline-at-defaults';
import { tempDir } from '../support/temp-dir';

const closing = closeAfterEach();

/** The four stages, run in this process; transcribe calls a service that answers its check while `asr.up`. */
function stagesWith(asr: { up: boolean }): () => StageHandler[] {
  const probe = async () => {
    if (!asr.up) throw new Error('connection refused');
  };
  return () => [
    idleStage('ingest'),
    { ...idleStage('transcribe'), service: { name: 'asr', label: 'speech recognition', kind: 'http-endpoint', probe } },
    idleStage('extract'),
    idleStage('index'),
  ];
}

const open = (clock: FakeClock, asr: { up: boolean }, env: Record<string, string> = {}): Lifeline =>
  openAtDefaults(closing, { clock, stages: stagesWith(asr), env });

/** Every listener on the emitters a Lifeline wires together, as `emitter.event×count`. */
function listeners(app: Lifeline): string[] {
  const emitters: Record<string, EventEmitter | null> = {
    settings: app.settings,
    health: app.health,
    disk: app.disk,
    engine: app.engine,
    breakers: app.breakers,
    autoRecovery: app.autoRecovery,
    events: app.events as EventEmitter,
  };
  return Object.entries(emitters).flatMap(([name, e]) =>
    (e?.eventNames() ?? []).map((event) => `${name}.${String(event)}×${e!.listenerCount(event)}`),
  );
}

describe('a Lifeline stops everything it started', () => {
  it('closing leaves no timer on its clock, no scheduled task and no listener between its parts', async () => {
    const watchDir = path.join(tempDir(), 'inbox');
    fs.mkdirSync(watchDir);
    const clock = new FakeClock(Date.now());
    const asr = { up: true };
    // A watch folder, so its scan runs on the clock too.
    const app = open(clock, asr, { LIFELINE_WATCH_DIR: watchDir });
    expect(listeners(app).length).toBeGreaterThan(0); // the reactions are wired at open

    await app.start();
    await clock.runDue(); // the disk guard's first look ends and schedules the next
    // The service fails: its breaker opens (a half-open timer), the watch re-checks it and auto-recovery
    // waits out a cooldown, each on the clock.
    asr.up = false;
    for (let i = 0; i < 5; i++) app.breakers.failure('asr', 'HTTP 503');
    // A few seconds on: the re-check fails too, and its trigger waits for recovery's cooldown.
    await clock.advanceAsync(5_000);
    expect(app.breakers.view('asr')!.state).toBe('open');
    expect(app.autoRecovery!.status('asr')).toMatchObject({ attempts: 1, running: false });
    // Running: the engine's intervals, health, the disk guard, the watch folder, the recording sweep,
    // the breaker, the re-check and the recovery…
    expect(clock.countTimers()).toBeGreaterThanOrEqual(9);
    // …and the nightly retention and the daily backup.
    expect([...getTasks().values()].map((t) => t.name).sort()).toEqual(['backup', 'retention-cleanup']);

    await closing.close(app);
    expect(clock.countTimers()).toBe(0);
    expect(getTasks().size).toBe(0);
    expect(listeners(app)).toEqual([]);
    expect(app.store.db.open).toBe(false);
  });

  it('closing a Lifeline that was never started stops what opening began', async () => {
    const clock = new FakeClock(Date.now());
    const app = open(clock, { up: true });
    await app.health.checkNow(); // a check, as the first screen asks
    await closing.close(app);
    expect(clock.countTimers()).toBe(0);
    expect(listeners(app)).toEqual([]);
    expect(app.store.db.open).toBe(false);
  });

  it('closing while the startup gate waits for a service ends the wait and starts nothing', async () => {
    const clock = new FakeClock(Date.now());
    const app = open(clock, { up: false });
    const starting = app.start();
    await clock.runDue(); // the gate has checked once and waits to check again
    expect(clock.countTimers()).toBeGreaterThan(0);
    await closing.close(app);
    expect(await starting).toEqual([]);
    expect(app.engine!.isRunning).toBe(false);
    expect(clock.countTimers()).toBe(0);
    expect(getTasks().size).toBe(0);
    expect(listeners(app)).toEqual([]);
  });
});
