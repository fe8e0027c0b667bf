import type { ItemEvent, RecoveryLogEntryInfo } from '../../../shared/contract';
import { formatElapsed } from '../../../shared/text/format-elapsed';

/** One line of an item's timeline: a queue event (with the recovery that caused it, if any), or a recovery with no event of its own. */
export type TimelineEntry =
  | { kind: 'event'; key: string; at: string; event: ItemEvent; recovery: RecoveryLogEntryInfo | null }
  | { kind: 'recovery'; key: string; at: string; recovery: RecoveryLogEntryInfo };

/** A recovery and the event it wrote are one transaction apart at most; further apart they are not the same. */
const sameMomentMs = 5_000;

const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Events a recovery writes: back in the queue, or a dead letter when it escalated. */
const writtenByRecovery = (e: ItemEvent) =>
  e.actor === 'recovery' && (e.type === 'recovered' || e.type === 'dead' || e.type === 'succeeded');

/**
 * The item's events and its recovery log as one timeline, oldest first. A recovery is attached to
 * the event it wrote (the nearest recovery event of its stage, a few seconds at most apart), so it
 * is told once, with its rule, strategy and outcome; one that wrote no event (it lost a race with
 * the worker) gets a line of its own.
 */
export function joinTimeline(
  events: readonly ItemEvent[],
  recoveries: readonly RecoveryLogEntryInfo[],
): TimelineEntry[] {
  const attached = new Map<number, RecoveryLogEntryInfo>();
  const alone: RecoveryLogEntryInfo[] = [];
  for (const r of [...recoveries].sort((a, b) => ms(a.detectedAt) - ms(b.detectedAt) || a.id - b.id)) {
    let best: ItemEvent | null = null;
    for (const e of events) {
      if (attached.has(e.id) || !writtenByRecovery(e) || e.stage !== r.stage) continue;
      const gap = Math.abs(ms(e.at) - ms(r.detectedAt));
      if (gap <= sameMomentMs && (!best || gap < Math.abs(ms(best.at) - ms(r.detectedAt)))) best = e;
    }
    if (best) attached.set(best.id, r);
    else alone.push(r);
  }
  const entries: TimelineEntry[] = [
    ...events.map((event): TimelineEntry => ({
      kind: 'event',
      key: `e${event.id}`,
      at: event.at,
      event,
      recovery: attached.get(event.id) ?? null,
    })),
    ...alone.map((recovery): TimelineEntry => ({
      kind: 'recovery',
      key: `r${recovery.id}`,
      at: recovery.detectedAt,
      recovery,
    })),
  ];
  // Stable: events keep their order (ids), a lone recovery goes after the events of its moment.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => ms(a.entry.at) - ms(b.entry.at) || a.index - b.index)
    .map((x) => x.entry);
}

const strategies: Record<string, string> = {
  resume: 'resume from the last checkpoint',
  restart: 'start the stage over',
  validate: 'check the finished output',
  escalate: 'give up (too many recoveries)',
};
const outcomes: Record<string, string> = {
  requeued: 'back in the queue',
  succeeded: 'stage counted as finished',
  dead: 'dead letter',
  lost_race: 'nothing to do: it had moved on',
  failed: 'not written; tried again later',
};
const triggers: Record<string, string> = {
  startup: 'at startup',
  scan: 'by the stuck scan',
  worker_exit: 'when its worker exited',
  manual: 'by you (Recover now or Reset stuck)',
};

/** A recovery in words: why, what was done, how it ended, how long it took. */
export function describeRecovery(r: RecoveryLogEntryInfo): { why: string; what: string; trigger: string } {
  const took = formatElapsed(Math.max(0, r.durationMs));
  return {
    why: r.ruleDetail,
    what: `${strategies[r.strategy] ?? r.strategy} → ${outcomes[r.outcome] ?? r.outcome} (took ${took})`,
    trigger: triggers[r.trigger] ?? r.trigger,
  };
}
