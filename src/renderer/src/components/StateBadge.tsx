import type { ItemState } from '../../../shared/contract';
import { stateLabels } from '../format/labels';

export function StateBadge({ state }: { state: ItemState }) {
  return <span className={`state state-${state}`}>{stateLabels[state]}</span>;
}
