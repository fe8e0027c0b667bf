import type { EventEmitter } from 'node:events';
import type { Stop } from '../../shared/stop';
import type { EngineEvents } from '../engine/engine';
import type { Logger } from '../log/logger';
import type { AttentionStore } from '../store/attention-store';
import type { DeadLetterCounts } from './attention-policy';
import type { HealthMonitor } from './health-monitor';

/**
 * New, retried or discarded dead letters, or a "seen" mark written by another process: the amber
 * for new dead letters follows at once. Dead letters are counted only when a change may involve
 * them (a dead item among the changes, or dead letters already there).
 */
export function followDeadLetters(
  engine: Pick<EventEmitter<EngineEvents>, 'on' | 'off'>,
  health: Pick<HealthMonitor, 'attentionChanged' | 'snapshot'>,
): Stop {
  let deadKnown = false;
  const onItems = (...[items]: EngineEvents['items.changed']) => {
    if (!deadKnown && !items.some((i) => i.state === 'dead')) return;
    health.attentionChanged();
    deadKnown = health.snapshot().attention.deadLetters > 0;
  };
  const onForeignWrite = () => health.attentionChanged();
  engine.on('items.changed', onItems);
  engine.on('foreign.write', onForeignWrite);
  return () => {
    engine.off('items.changed', onItems);
    engine.off('foreign.write', onForeignWrite);
  };
}

/** The dead-letter counts for the monitor: a store that cannot answer is the database probe's news, so the status goes on without them. */
export function deadLetterCounts(attention: AttentionStore, log: Logger): () => DeadLetterCounts {
  return () => {
    try {
      return attention.deadLetters();
    } catch (err: unknown) {
      log.warn({ err }, 'could not count dead letters');
      return { total: 0, unseen: 0, seenAt: null };
    }
  };
}
