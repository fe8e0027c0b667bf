import type { MemoryKind, SearchKind } from '../../../shared/contract';

/** One of a kind, as a badge says it. */
export const kindLabels: Record<SearchKind, string> = {
  todo: 'To-do',
  event: 'Event',
  fact: 'Fact',
  person: 'Person',
  transcript: 'Transcript',
};

/** Many of a kind, as a filter says it. */
export const kindPlurals: Record<SearchKind, string> = {
  todo: 'To-dos',
  event: 'Events',
  fact: 'Facts',
  person: 'People',
  transcript: 'Transcript',
};

const singular: Record<MemoryKind, string> = { todo: 'to-do', event: 'event', fact: 'fact', person: 'person' };

/** "to-dos", "people", "memories": for sentences such as "No to-dos yet." */
export function kindNoun(kind: MemoryKind | null): string {
  return kind === null ? 'memories' : kindPlurals[kind].toLowerCase();
}

/** "1 to-do", "3 people", "12 memories". */
export function kindCount(n: number, kind: MemoryKind | null): string {
  if (n !== 1) return `${n} ${kindNoun(kind)}`;
  return `1 ${kind === null ? 'memory' : singular[kind]}`;
}
