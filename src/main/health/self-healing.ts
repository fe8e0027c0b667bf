import type { EventEmitter } from 'node:events';
import type { HealthSnapshot, Stage } from '../../shared/contract';
import type { Stop } from '../../shared/stop';
import type { BreakerBoard, BreakerView } from '../breakers/breaker-board';
import type { EngineConfig } from '../config/config';
import type { DiskGuardEvents } from '../disk/disk-guard';
import type { Engine, EngineEvents } from '../engine/engine';
import type { AutoRecovery, AutoRecoveryEvents, RecoveryHandler } from '../recovery/auto-recovery';
import type { SettingsService } from '../settings/settings-service';
import { followDeadLetters } from './attention-feed';
import type { HealthMonitor, HealthMonitorEvents } from './health-monitor';
import type { ServiceRoster } from './service-roster';
import type { ServiceWatch } from './service-watch';

/** An emitter of events `E`, as far as a subscriber needs it. */
export type Emits<E extends Record<keyof E, unknown[]>> = Pick<EventEmitter<E>, 'on' | 'off'>;

/** Where what the app learns goes out (the Lifeline's events: the tray, open screens). */
export interface SelfHealingAnnounce {
  healthChanged(snapshot: HealthSnapshot): void;
  healthChecked(snapshot: HealthSnapshot): void;
  breakerChanged(view: BreakerView): void;
}

/** In a process that runs the engine: what the reactions move. */
export interface SelfHealingEnginePorts {
  engine: Emits<EngineEvents> & Pick<Engine, 'setBlock' | 'reconfigure'>;
  settings: Emits<{ changed: [config: EngineConfig] }> & Pick<SettingsService, 'reloadIfChanged'>;
  roster: Pick<ServiceRoster, 'sync'>;
  breakers: Pick<BreakerBoard, 'configure'>;
  watch: Pick<ServiceWatch, 'onBreaker' | 'onResult' | 'retire'>;
  autoRecovery: Emits<AutoRecoveryEvents> & Pick<AutoRecovery, 'register' | 'unregister'>;
  /** Reopens the database and recycles the workers: auto-recovery's handler for the `database` check. */
  databaseRecovery: RecoveryHandler;
}

export interface SelfHealingPorts {
  /** The pipeline's stages, in order: a full disk holds every one. */
  stages: readonly Stage[];
  health: Emits<HealthMonitorEvents> & Pick<HealthMonitor, 'checkNow' | 'reschedule' | 'attentionChanged' | 'snapshot'>;
  disk: Emits<DiskGuardEvents>;
  announce: SelfHealingAnnounce;
  /** Null in a process without an engine (the CLI): health only hears the disk and announces. */
  withEngine: SelfHealingEnginePorts | null;
}

/**
 * The reactions that keep Lifeline healing itself, wired between the parts the composition root
 * built: a full disk parks every stage (no attempt spent) and frees them when space returns; a
 * settings change moves the services' breakers, checks and recovery, then the engine; a breaker
 * change reaches the service watch (auto-recovery, re-checks), the UIs and a fresh health check; an
 * auto-recovery run is followed by a check; another process's write reloads the settings; dead
 * letters reach the status. Returns the stop that unwires all of it.
 */
export function startSelfHealing(p: SelfHealingPorts): Stop {
  const { health, disk, announce } = p;
  const stops: Stop[] = [];
  // A change seen by the guard's quick looks (or an intake's) reaches health and the parked work at once.
  const onLevel = () => void health.checkNow('disk');
  const onOverall = (snapshot: HealthSnapshot) => announce.healthChanged(snapshot);
  const onChecked = (snapshot: HealthSnapshot) => announce.healthChecked(snapshot);
  disk.on('level', onLevel);
  health.on('overall', onOverall);
  health.on('checked', onChecked);
  stops.push(() => {
    disk.off('level', onLevel);
    health.off('overall', onOverall);
    health.off('checked', onChecked);
  });
  if (p.withEngine) stops.push(engineReactions(p, p.withEngine));
  return () => {
    for (const stop of stops.reverse()) void stop();
  };
}

function engineReactions(p: SelfHealingPorts, e: SelfHealingEnginePorts): Stop {
  const { health, announce } = p;
  const { engine, settings, watch, autoRecovery } = e;
  const onRecoveryChanged = () => void health.checkNow();
  const onBreaker = (view: BreakerView) => {
    watch.onBreaker(view);
    announce.breakerChanged(view);
    void health.checkNow(view.name);
  };
  const onResult = (...[name, r]: HealthMonitorEvents['result']) => {
    // Every stage writes to the store or the audio dir: on a full disk all work waits (no attempt spent).
    if (name === 'disk')
      for (const stage of p.stages) engine.setBlock(stage, 'disk', r.status === 'down' ? `paused: ${r.message}` : null);
    watch.onResult(name, r);
  };
  const onSettings = (c: EngineConfig) => {
    // An engine or server setting may have changed the services the stages call: their breakers,
    // health entries and recovery handlers follow first, so the engine's availability reads them.
    const change = e.roster.sync();
    e.breakers.configure();
    engine.reconfigure(c);
    for (const name of change.retired) watch.retire(name);
    for (const name of [...change.added, ...change.replaced, ...change.rebound]) void health.checkNow(name);
    health.reschedule();
    void health.checkNow('queue'); // a pause reaches open screens with this result, even when no item moves
  };
  const onForeignWrite = () => void settings.reloadIfChanged();

  autoRecovery.register('database', e.databaseRecovery);
  autoRecovery.on('changed', onRecoveryChanged);
  engine.on('breaker.changed', onBreaker);
  health.on('result', onResult);
  settings.on('changed', onSettings);
  engine.on('foreign.write', onForeignWrite);
  const stopDeadLetters = followDeadLetters(engine, health);
  return () => {
    stopDeadLetters();
    engine.off('foreign.write', onForeignWrite);
    settings.off('changed', onSettings);
    health.off('result', onResult);
    engine.off('breaker.changed', onBreaker);
    autoRecovery.off('changed', onRecoveryChanged);
    autoRecovery.unregister('database');
  };
}
