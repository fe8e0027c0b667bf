import { useEffect, useState } from 'react';
import {
  itemStates,
  stages,
  type ItemSortKey,
  type ItemState,
  type SortDirection,
  type Stage,
} from '../../../../shared/contract';
import { stageLabels, stateLabels } from '../../format/labels';
import { formatCount } from '../../format/numbers';
import { useItems, useOverview } from '../../stores/stores-context';

const sorts: { value: string; label: string; sort: ItemSortKey; direction: SortDirection }[] = [
  { value: 'age-desc', label: 'Newest first', sort: 'age', direction: 'desc' },
  { value: 'age-asc', label: 'Oldest first', sort: 'age', direction: 'asc' },
  { value: 'priority-desc', label: 'Highest priority first', sort: 'priority', direction: 'desc' },
  { value: 'priority-asc', label: 'Lowest priority first', sort: 'priority', direction: 'asc' },
];

/** Typing pauses this long before the list reloads, ms. */
const searchDelayMs = 200;

export function ItemsToolbar() {
  const query = useItems((s) => s.query);
  const setQuery = useItems((s) => s.setQuery);
  const [text, setText] = useState(query.q);
  // A search set from elsewhere (an address with ?q=) shows in the box too.
  const [shownQ, setShownQ] = useState(query.q);
  if (query.q !== shownQ) {
    setShownQ(query.q);
    setText(query.q);
  }

  useEffect(() => {
    if (text === query.q) return;
    const t = setTimeout(() => setQuery({ q: text }), searchDelayMs);
    return () => clearTimeout(t);
  }, [text, query.q, setQuery]);

  // Counts come from the overview's totals (kept current by pushes), for the chosen stage if any.
  const overview = useOverview((s) => s.overview);
  const counts = overview ? (query.stage ? overview.byStage[query.stage] : overview.totals) : undefined;
  const countOf = (state: ItemState | undefined): number | null => {
    if (!counts) return null;
    // "All" leaves discarded items out, like the list it shows.
    if (state === undefined)
      return itemStates.filter((x) => x !== 'discarded').reduce((n, x) => n + (counts[x] ?? 0), 0);
    return counts[state] ?? 0;
  };

  const chip = (state: ItemState | undefined, label: string) => {
    const n = countOf(state);
    return (
      <button
        type="button"
        key={state ?? 'all'}
        className="chip"
        aria-pressed={query.state === state}
        onClick={() => setQuery({ state })}
      >
        {label}
        {n !== null && <span className="chip-count"> {formatCount(n)}</span>}
      </button>
    );
  };

  return (
    <div className="items-toolbar">
      <div className="chips" role="group" aria-label="Show items in state">
        {chip(undefined, 'All')}
        {itemStates.map((s) => chip(s, stateLabels[s]))}
      </div>
      <div className="items-controls">
        <label className="field field-search">
          <span>Search file names</span>
          <input type="search" value={text} placeholder="e.g. standup" onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          <span>Stage</span>
          <select
            value={query.stage ?? ''}
            onChange={(e) => setQuery({ stage: (e.target.value || undefined) as Stage | undefined })}
          >
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Sort</span>
          <select
            value={`${query.sort}-${query.direction}`}
            onChange={(e) => {
              const s = sorts.find((x) => x.value === e.target.value)!;
              setQuery({ sort: s.sort, direction: s.direction });
            }}
          >
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
