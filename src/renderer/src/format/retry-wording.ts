import { formatCount } from './numbers';

/**
 * The words of "do this to every one" actions, which read wrong for a single item ("Retry all 1",
 * "1 of these 1 failed"): for one item they speak of it.
 */

/** A group's button: "Retry all 3", or "Retry" for one. */
export function allLabel(verb: 'Retry' | 'Discard', count: number): string {
  return count === 1 ? verb : `${verb} all ${formatCount(count)}`;
}

/** A group's button as a screen reader hears it: "Retry all 3 with SOURCE_MISSING", "Retry the 1 item with …". */
export function allName(verb: 'Retry' | 'Discard', count: number, code: string): string {
  return count === 1 ? `${verb} the 1 item with ${code}` : `${verb} all ${formatCount(count)} with ${code}`;
}

/** "2 of these 5 failed for good (…): a retry will most likely fail the same way. Retry all 5 anyway?" */
export function retryAnywayQuestion(failed: number, total: number, why: string): string {
  const lead =
    total === 1
      ? `It failed for good (${why})`
      : `${formatCount(failed)} of these ${formatCount(total)} failed for good (${why})`;
  return `${lead}: a retry will most likely fail the same way. ${retryAnywayLabel(total)}?`;
}

/** "Retry all 5 anyway", or "Retry it anyway" for one. */
export function retryAnywayLabel(total: number): string {
  return total === 1 ? 'Retry it anyway' : `Retry all ${formatCount(total)} anyway`;
}

/**
 * The heading over items retried from the Dead letters screen. "Back in the queue" is only true of
 * those that did not fail again; one that did is named as such.
 */
export function retriedHeading(failedAgain: number, total: number): string {
  if (failedAgain === 0) return 'Back in the queue';
  if (failedAgain === total) return total === 1 ? 'Failed again after the retry' : 'Failed again after the retries';
  return 'Back in the queue, or failed again';
}
