import type { ItemEvent } from '../../../shared/contract';

/**
 * The re-run an item is in ("Transcribe again" / "Extract again" asked, its new results not yet in
 * place), read from its timeline: the stage it runs again from, or null.
 */
export function openRerun(events: readonly ItemEvent[]): ItemEvent['stage'] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'rerun_published' || e.type === 'discarded' || e.type === 'readded') return null;
    if (e.type === 'rerun') return e.stage;
  }
  return null;
}
