import { memoryKinds, type SearchKind } from '../../../../shared/contract';
import { kindPlurals } from '../../format/memory-kinds';
import { isSearching, type KindFilter } from '../../stores/memories-store';
import { useMemories } from '../../stores/stores-context';

/** The search box and the kind filter; "Transcript" is offered while searching only. */
export function MemoriesToolbar() {
  const input = useMemories((s) => s.input);
  const kind = useMemories((s) => s.kind);
  const searching = useMemories(isSearching);
  const setInput = useMemories((s) => s.setInput);
  const submit = useMemories((s) => s.submit);
  const setKind = useMemories((s) => s.setKind);
  const kinds: SearchKind[] = searching ? [...memoryKinds, 'transcript'] : [...memoryKinds];

  const chip = (value: KindFilter, label: string) => (
    <button
      type="button"
      key={value ?? 'all'}
      className="chip"
      aria-pressed={kind === value}
      onClick={() => setKind(value)}
    >
      {label}
    </button>
  );

  return (
    <div className="memories-toolbar">
      <form
        role="search"
        className="memories-search"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field field-search">
          <span>Search transcripts and memories</span>
          <input
            type="search"
            maxLength={500}
            value={input}
            placeholder="e.g. dentist, Alice, passport"
            onChange={(e) => setInput(e.target.value)}
          />
        </label>
      </form>
      <div className="chips" role="group" aria-label="Show kind">
        {chip(null, 'All')}
        {kinds.map((k) => chip(k, kindPlurals[k]))}
      </div>
    </div>
  );
}
