import type { SearchHit } from '../../shared/contract';

/** A row from the full-text index, before memories and their transcript hits are folded together. */
export interface IndexHit extends Omit<SearchHit, 'transcript'> {
  /** The index row (so a row found by both queries is listed once). */
  rowid: number;
  /** For a memory: the transcript stretch it was found in, or null (a person, or no source). */
  source: { start: number; end: number; text: string } | null;
}

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a transcript hit is the segment a memory was said in: the same recording, and the segment
 * starts where the memory's source does (or inside it), or it starts before it and holds its words
 * (a memory from part of a segment: an utterance or a clause).
 */
export function saidIn(memory: IndexHit, segment: IndexHit): boolean {
  const src = memory.source;
  if (memory.itemId !== segment.itemId || !src || segment.start === null) return false;
  if (Math.abs(segment.start - src.start) < 0.05 || (segment.start >= src.start && segment.start < src.end))
    return true;
  const a = norm(segment.text);
  const b = norm(src.text);
  return segment.start <= src.start && b !== '' && a.includes(b);
}

/**
 * The hits a person reads: every-word hits first, then close ones (each group already best first),
 * a memory and the transcript hit it came from as ONE result (at the better place of the two), at
 * most `limit`.
 */
export function searchResults(
  exact: readonly IndexHit[],
  close: readonly IndexHit[],
  limit: number,
): { hits: SearchHit[]; exactCount: number } {
  const seen = new Set(exact.map((h) => h.rowid));
  const all = [
    ...exact.map((h) => ({ ...h, match: 'all' as const })),
    ...close.filter((h) => !seen.has(h.rowid)).map((h) => ({ ...h, match: 'close' as const })),
  ];
  const memories = all.filter((h) => h.kind !== 'transcript');
  const placed = new Map<IndexHit, SearchHit>();
  const out: SearchHit[] = [];
  const place = (h: IndexHit & { match: SearchHit['match'] }): SearchHit => {
    const { rowid: _rowid, source: _source, ...hit } = h;
    const result: SearchHit = { ...hit, transcript: null };
    placed.set(h, result);
    out.push(result);
    return result;
  };
  for (const h of all) {
    if (h.kind !== 'transcript') {
      if (!placed.has(h)) place(h);
      continue;
    }
    // A person is only a name in the sentence: the to-do, event or fact said there takes the segment first.
    const memory = memories.find((m) => m.kind !== 'person' && saidIn(m, h)) ?? memories.find((m) => saidIn(m, h));
    if (!memory) {
      place(h);
      continue;
    }
    const result = placed.get(memory) ?? place(memory);
    if (h.match === 'all') result.match = 'all';
    result.transcript ??= { snippet: h.snippet, marked: h.marked, start: h.start };
  }
  const hits = out.slice(0, limit);
  return { hits, exactCount: hits.filter((h) => h.match === 'all').length };
}
