import type { Engine } from '../engine/engine';
import type { Logger } from '../log/logger';
import type { AttentionStore } from '../store/attention-store';
import type { DeadLetterCounts } from './attention-policy';
import type { HealthMonitor } from './health-monitor';

/**
 * New, retried or discarded dead letters, or a "seen" mark written by another process: the amber
 * for new dead letters follows at once. Dead letters are counted only when a change may involve
 * them (a dead item among the changes, or dead letters already there).
 */
export function followDeadLetters(engine: Engine, health: HealthMonitor): void {
  let deadKnown = false;
  engine.on('items.changed', (items) => {
    if (!deadKnown && !items.some((i) => i.state === 'dead')) return;
    health.attentionChanged();
    deadKnown = health.snapshot().attention.deadLetters > 0;
  });
  engine.on('foreign.write', () => health.attentionChanged());
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
