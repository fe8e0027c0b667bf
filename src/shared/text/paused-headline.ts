import { plural } from './plural';

/** A stage the user holds: paused, or stopped by a concurrency of 0, and the items it keeps from moving. */
export interface HeldStage {
  /** As the screens name it ("Transcribe"). */
  name: string;
  /** Paused by the user; false for a stage stopped by a concurrency of 0. */
  paused: boolean;
  /** Items waiting at it or in line for it. */
  items: number;
}

/** "Transcribe", "Transcribe and Extract", "Ingest, Transcribe and Extract". */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * What the overall status says when nothing is wrong but the user holds stages, since nothing moves
 * there until they resume: "Paused — 1 item waits (every stage is paused by you)". Null when no stage
 * is held. `totalStages` tells "every stage" from a list of names.
 */
export function pausedHeadline(
  held: readonly HeldStage[],
  totalStages: number,
  format: (n: number) => string = String,
): string | null {
  if (held.length === 0) return null;
  const items = held.reduce((sum, s) => sum + s.items, 0);
  const waits =
    items === 0 ? 'nothing waits yet' : `${plural(items, 'item', 'items', format)} ${items === 1 ? 'waits' : 'wait'}`;
  const paused = held.filter((s) => s.paused).map((s) => s.name);
  const stopped = held.filter((s) => !s.paused).map((s) => s.name);
  const why: string[] = [];
  if (paused.length === totalStages) why.push('every stage is paused by you');
  else if (paused.length > 0) why.push(`${listed(paused)} ${paused.length === 1 ? 'is' : 'are'} paused by you`);
  if (stopped.length > 0)
    why.push(`${listed(stopped)} ${stopped.length === 1 ? 'is' : 'are'} stopped by a concurrency of 0`);
  return `${stopped.length > 0 && paused.length === 0 ? 'Stopped' : 'Paused'} — ${waits} (${why.join('; ')})`;
}
