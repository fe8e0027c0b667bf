import { useCallback, useEffect } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { memoriesQueryFromAddress, memoriesQueryToAddress } from '../navigation/view-queries';
import { useQueryInAddress } from '../navigation/use-query-in-address';
import { kindCount, kindNoun, kindPlurals } from '../format/memory-kinds';
import { canShowMore, isSearching, searchIsCurrent, type MemoriesState } from '../stores/memories-store';
import { useMemories } from '../stores/stores-context';
import { HighlightedSnippet } from './memories/HighlightedSnippet';
import { MemoriesToolbar } from './memories/MemoriesToolbar';
import { MemoryLine } from './memories/MemoryLine';
import { ErrorMessage } from '../components/ErrorMessage';
import { searchSummary } from '../format/search-summary';

const normalizeMemories = (raw: string) => memoriesQueryToAddress(memoriesQueryFromAddress(raw));

/** The one line above the results: what is shown, or that it is being looked for. */
function summary(s: MemoriesState): string {
  if (isSearching(s)) {
    const q = s.input.trim();
    if (!searchIsCurrent(s) || s.search.status === 'loading' || s.search.status === 'idle')
      return `Searching for “${q}”…`;
    if (s.search.status === 'error') return `The search for “${q}” failed.`;
    const among = s.kind ? ` in ${kindPlurals[s.kind].toLowerCase()}` : '';
    return searchSummary({
      query: q,
      among,
      hits: s.search.hits.length,
      exact: s.search.exactCount,
      limit: s.search.limit,
    });
  }
  const { browse } = s;
  if (browse.total === null) return browse.status === 'error' ? 'Memories could not be loaded.' : 'Loading memories…';
  if (browse.total === 0) return `No ${kindNoun(browse.kind)} yet`;
  const shown = browse.memories.length < browse.total ? `, ${browse.memories.length} shown` : '';
  return `${kindCount(browse.total, browse.kind)}, newest recordings first${shown}`;
}

function EmptyState() {
  const searching = useMemories(isSearching);
  const input = useMemories((s) => s.input.trim());
  const kind = useMemories((s) => s.kind);
  const setKind = useMemories((s) => s.setKind);
  const all = kind !== null && (
    <button type="button" className="button-quiet" onClick={() => setKind(null)}>
      Show all kinds
    </button>
  );
  if (searching) {
    return (
      <div className="empty">
        <p>
          Nothing {kind ? `in ${kindPlurals[kind].toLowerCase()} ` : ''}matches “{input}”. None of its words was found,
          nor a word starting with one: try other words.
        </p>
        {all}
      </div>
    );
  }
  if (kind) {
    return (
      <div className="empty">
        <p>No {kindPlurals[kind].toLowerCase()} yet. They appear here when a recording mentions one.</p>
        {all}
      </div>
    );
  }
  return (
    <div className="empty">
      <p>
        Add a recording (Add files…, Record, or drop audio on this window): once it is transcribed, its to-dos, events,
        facts and people appear here, and everything said in it can be searched.
      </p>
    </div>
  );
}

function HitList({ label, hits, busy }: { label: string; hits: readonly SearchHit[]; busy: boolean }) {
  return (
    <ol className="memory-list" aria-label={label} aria-busy={busy}>
      {hits.map((h, i) => (
        <MemoryLine
          key={`${h.itemId}-${h.kind}-${h.start ?? 'x'}-${i}`}
          kind={h.kind}
          text={<HighlightedSnippet marked={h.marked} dated={h.at !== null} />}
          said={h.transcript && <HighlightedSnippet marked={h.transcript.marked} dated={false} />}
          at={h.at}
          allDay={h.allDay}
          itemId={h.itemId}
          fileName={h.fileName}
          start={h.start}
        />
      ))}
    </ol>
  );
}

function Results() {
  const searching = useMemories(isSearching);
  const current = useMemories(searchIsCurrent);
  const search = useMemories((s) => s.search);
  const browse = useMemories((s) => s.browse);

  if (searching) {
    if (!current || search.status === 'idle' || (search.status === 'loading' && search.hits.length === 0)) return null;
    if (search.status === 'error') return null;
    if (search.hits.length === 0) return <EmptyState />;
    // Hits with every word first; the close ones in a list of their own, under a heading that says so.
    const exact = search.hits.slice(0, search.exactCount);
    const close = search.hits.slice(search.exactCount);
    return (
      <>
        {exact.length > 0 && <HitList label="Search results" hits={exact} busy={search.status === 'loading'} />}
        {close.length > 0 && (
          <>
            <h3 className="memory-divider" id="close-matches">
              Close matches: some of the words, or words starting with them
            </h3>
            <HitList label="Close matches" hits={close} busy={search.status === 'loading'} />
          </>
        )}
      </>
    );
  }
  if (browse.status === 'error' && browse.memories.length === 0) return null;
  if (browse.total === 0) return <EmptyState />;
  return (
    <ol className="memory-list" aria-label="Memories" aria-busy={browse.status === 'loading'}>
      {browse.memories.map((m) => (
        <MemoryLine
          key={m.id}
          kind={m.kind}
          text={m.text}
          at={m.at}
          allDay={m.allDay}
          itemId={m.itemId}
          fileName={m.fileName}
          start={m.source?.start ?? null}
        />
      ))}
    </ol>
  );
}

/**
 * Memories: search transcripts and memories (ranked, matches highlighted), or browse every memory
 * newest first; each links to its recording at the moment it was said.
 */
export function MemoriesView({ addressQuery }: { addressQuery: string }) {
  const show = useMemories((s) => s.show);
  const current = useMemories((s) => memoriesQueryToAddress({ q: s.input, kind: s.kind }));
  const setInput = useMemories((s) => s.setInput);
  const setKind = useMemories((s) => s.setKind);
  const submit = useMemories((s) => s.submit);
  const apply = useCallback(
    (raw: string) => {
      const { q, kind } = memoriesQueryFromAddress(raw);
      setInput(q);
      setKind(kind);
      submit();
    },
    [setInput, setKind, submit],
  );
  useQueryInAddress({ path: 'memories', addressQuery, current, normalize: normalizeMemories, apply });
  const line = useMemories(summary);
  const error = useMemories((s) => (isSearching(s) ? (searchIsCurrent(s) ? s.search.error : null) : s.browse.error));
  const retry = useMemories((s) => s.retry);
  const more = useMemories(canShowMore);
  const loadingMore = useMemories(
    (s) => s.browse.loadingMore || (isSearching(s) && s.search.status === 'loading' && s.search.hits.length > 0),
  );
  const showMore = useMemories((s) => s.showMore);

  useEffect(() => show(), [show]);

  return (
    <section className="view view-memories" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Memories
        </h2>
      </header>
      <MemoriesToolbar />
      <p role="status" className="memories-summary">
        {line}
      </p>
      {error && (
        <ErrorMessage action="Try again" onAction={retry}>
          {error}
        </ErrorMessage>
      )}
      <Results />
      {more && (
        <button type="button" className="button-quiet show-more" disabled={loadingMore} onClick={showMore}>
          {loadingMore ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}
