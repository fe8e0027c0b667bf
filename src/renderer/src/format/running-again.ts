import type { ItemEvent, ItemState } from '../../../shared/contract';

/**
 * The item runs again after its last recovery (a `started` event after the latest `recovered`):
 * a "was recovered" message from then on is stale news. Pure.
 */
export function runningAgainSinceRecovery(item: {
  state: ItemState;
  events: readonly Pick<ItemEvent, 'id' | 'type'>[];
}): boolean {
  if (item.state !== 'running') return false;
  let recovered = -1;
  let started = -1;
  for (const e of item.events) {
    if (e.type === 'recovered') recovered = Math.max(recovered, e.id);
    if (e.type === 'started') started = Math.max(started, e.id);
  }
  return recovered >= 0 && started > recovered;
}
