import type { SearchHit, SearchKind } from '../../shared/contract';
import { searchResults, type IndexHit } from '../search/search-results';
import { spelledAlike } from '../search/spelled-alike';
import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { leaseFence } from './lease-fence';

export interface IndexEntry {
  kind: SearchHit['kind'];
  text: string;
  start: number | null;
}

/**
 * The query language users type is words, not FTS5 syntax: each word becomes a quoted term (so
 * `AND`, `"`, `*` or `:` cannot make the query invalid), all of which must match; a trailing `*`
 * on a word keeps its prefix meaning.
 */
export function toFtsQuery(query: string): string | null {
  const terms = query
    .split(/\s+/)
    .map((w) => {
      const prefix = w.endsWith('*');
      const word = w.replace(/["*]/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      return word ? `"${word}"${prefix ? '*' : ''}` : '';
    })
    .filter(Boolean);
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Words shorter than this only match whole in a close search ("a*" would match nearly everything). */
const minPrefixLength = 3;

/**
 * The fallback when no or few hits contain every word: any one of the words, each also as the start
 * of a longer word ("tel" finds "tell"), so one word the speech recogniser heard wrong does not hide
 * the rest.
 */
export function toCloseFtsQuery(query: string): string | null {
  const terms = toFtsQuery(query)
    ?.split(' ')
    .map((t) => (t.endsWith('*') || t.length - 2 < minPrefixLength ? t : `${t}*`));
  return terms && terms.length > 0 ? [...new Set(terms)].join(' OR ') : null;
}

export interface SearchStoreOptions {
  /**
   * Runs inside the index write's transaction, after its fence, before the item's entries are
   * replaced: the pipeline publishes a finished re-run's outputs here (store/rerun-outputs.ts).
   */
  beforeReplace?(itemId: number): void;
}

interface HitRow {
  rowid: number;
  item_id: number;
  file_name: string;
  kind: SearchHit['kind'];
  start_sec: number | null;
  text: string;
  snippet: string;
  marked: string;
  at: string | null;
  all_day: number | null;
  rank: number;
}

/** Full-text index (SQLite FTS5) over transcripts and memories. */
export class SearchStore {
  private readonly s;
  private readonly replaceTx;

  constructor(db: SqliteDatabase, options: SearchStoreOptions = {}) {
    const fence = leaseFence(db);
    this.s = {
      remove: db.prepare(`DELETE FROM search_index WHERE item_id = @itemId`),
      insert: db.prepare(
        `INSERT INTO search_index (text, item_id, kind, start_sec) VALUES (@text, @itemId, @kind, @start)`,
      ),
      // A memory's index text is its text, plus " (YYYY-MM-DD)" when it has a date (index-stage.ts):
      // its date is looked up by that text among the item's memories.
      query: db.prepare(`SELECT s.rowid, s.item_id, i.file_name, s.kind, s.start_sec, s.text,
                                snippet(search_index, 0, '[', ']', '…', 12) AS snippet,
                                snippet(search_index, 0, char(2), char(3), '…', 12) AS marked,
                                bm25(search_index) AS rank,
                                CASE WHEN s.kind = 'transcript' THEN NULL ELSE
                                  (SELECT m.at FROM memories m
                                   WHERE m.item_id = s.item_id AND m.kind = s.kind
                                     AND s.text IN (m.text, m.text || ' (' || substr(m.at, 1, 10) || ')')
                                   ORDER BY m.id LIMIT 1) END AS at,
                                CASE WHEN s.kind = 'transcript' THEN NULL ELSE
                                  (SELECT m.all_day FROM memories m
                                   WHERE m.item_id = s.item_id AND m.kind = s.kind
                                     AND s.text IN (m.text, m.text || ' (' || substr(m.at, 1, 10) || ')')
                                   ORDER BY m.id LIMIT 1) END AS all_day
                         FROM search_index s JOIN items i ON i.id = s.item_id JOIN jobs j ON j.item_id = s.item_id
                         WHERE search_index MATCH @match AND j.state <> 'discarded' AND (@kind IS NULL OR s.kind = @kind)
                         ORDER BY rank LIMIT @limit`),
      count: db.prepare(`SELECT count(*) FROM search_index WHERE item_id = @itemId`).pluck(),
      // The index's words from one first letter on to the next: a range the vocabulary table seeks to.
      termsFrom: db.prepare(`SELECT term FROM search_terms WHERE term >= @from AND term < @to`).pluck(),
      // The memory an index row was made from (its text, plus its date as index-stage.ts writes it).
      source: db.prepare(`SELECT source_start, source_end, source_text FROM memories
                          WHERE item_id = @itemId AND kind = @kind AND @text IN (text, text || ' (' || substr(at, 1, 10) || ')')
                          ORDER BY id LIMIT 1`),
    };
    this.replaceTx = db.transaction((lease: LeaseRef, entries: readonly IndexEntry[]) => {
      fence(lease);
      options.beforeReplace?.(lease.itemId);
      this.s.remove.run({ itemId: lease.itemId });
      for (const e of entries) this.s.insert.run({ text: e.text, itemId: lease.itemId, kind: e.kind, start: e.start });
    });
  }

  /** Fenced: replaces the item's entries whole (re-indexing never duplicates). */
  replace(lease: LeaseRef, entries: readonly IndexEntry[]): void {
    this.replaceTx.immediate(lease, entries);
  }

  entries(itemId: number): number {
    return this.s.count.get({ itemId }) as number;
  }

  /**
   * Hits with every word first (best first), then, to fill up to `limit`, close matches: any of the
   * words, or words starting with them, then words spelled alike (one or two letters off). A memory and the transcript hit it was said in are one
   * result. `kind` narrows to transcript segments or to memories of one kind.
   */
  search(query: string, limit: number, kind?: SearchKind): { hits: SearchHit[]; exactCount: number } {
    // Folding transcript hits into memories shortens the list: ask for more than will be shown.
    const want = limit * 2;
    const exact = this.rows(toFtsQuery(query), kind, want);
    const close = exact.length < want ? this.rows(toCloseFtsQuery(query), kind, want) : [];
    const seen = new Set(close.map((h) => h.rowid));
    const alike =
      exact.length + close.length < want
        ? this.rows(this.spelledAlikeQuery(query), kind, want).filter((h) => !seen.has(h.rowid))
        : [];
    return searchResults(exact, [...close, ...alike], limit);
  }

  /** The indexed words spelled like the query's words (typos: "dentst" finds "dentist"), any of them. */
  private spelledAlikeQuery(query: string): string | null {
    const terms = new Set<string>();
    // Words that share a first letter read the index's words of that letter once.
    const byLetter = new Map<string, string[]>();
    const termsFrom = (first: string): string[] => {
      let found = byLetter.get(first);
      if (!found) {
        const to = String.fromCodePoint(first.codePointAt(0)! + 1);
        found = this.s.termsFrom.all({ from: first, to }) as string[];
        byLetter.set(first, found);
      }
      return found;
    };
    for (const word of query.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!/^\p{L}{4,}$/u.test(word)) continue;
      for (const t of spelledAlike(word, termsFrom(word[0]!))) terms.add(`"${t}"`);
    }
    return terms.size > 0 ? [...terms].join(' OR ') : null;
  }

  private rows(match: string | null, kind: SearchKind | undefined, limit: number): IndexHit[] {
    if (!match) return [];
    const rows = this.s.query.all({ match, kind: kind ?? null, limit }) as HitRow[];
    return rows.map((r) => ({
      rowid: r.rowid,
      itemId: r.item_id,
      fileName: r.file_name,
      kind: r.kind,
      snippet: r.snippet,
      marked: r.marked,
      text: r.text,
      start: r.start_sec,
      at: r.at,
      allDay: r.all_day === 1,
      rank: r.rank,
      match: 'all',
      source: r.kind === 'transcript' ? null : this.memorySource(r),
    }));
  }

  private memorySource(r: HitRow): IndexHit['source'] {
    const m = this.s.source.get({ itemId: r.item_id, kind: r.kind, text: r.text }) as
      { source_start: number | null; source_end: number | null; source_text: string | null } | undefined;
    return m && m.source_start !== null && m.source_end !== null
      ? { start: m.source_start, end: m.source_end, text: m.source_text ?? '' }
      : null;
  }
}
