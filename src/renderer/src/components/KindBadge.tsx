import type { SearchKind } from '../../../shared/contract';
import { kindLabels } from '../format/memory-kinds';

/** What a memory (or a search hit) is: To-do, Event, Fact, Person, Transcript. */
export function KindBadge({ kind }: { kind: SearchKind }) {
  return <span className={`kind kind-${kind}`}>{kindLabels[kind]}</span>;
}
