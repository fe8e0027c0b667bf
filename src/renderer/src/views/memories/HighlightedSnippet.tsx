import { snippetParts, withoutIndexedDate } from '../../format/snippet';

/** A search snippet with its matches in `<mark>`: text nodes only, so nothing in a transcript is ever read as HTML. */
export function HighlightedSnippet({ marked, dated }: { marked: string; dated: boolean }) {
  const parts = snippetParts(dated ? withoutIndexedDate(marked) : marked);
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
