import type { SearchHit, SearchKind } from '../../shared/contract';
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

/** Full-text index (SQLite FTS5) over transcripts and memories. */
export class SearchStore {
  private readonly s;
  private readonly replaceTx;

  constructor(db: SqliteDatabase) {
    const fence = leaseFence(db);
    this.s = {
      remove: db.prepare(`DELETE FROM search_index WHERE item_id = ?`),
      insert: db.prepare(`INSERT INTO search_index (text, item_id, kind, start_sec) VALUES (?, ?, ?, ?)`),
      // A memory's index text is its text, plus " (YYYY-MM-DD)" when it has a date (index-stage.ts):
      // its date is looked up by that text among the item's memories.
      query: db.prepare(`SELECT s.item_id, i.file_name, s.kind, s.start_sec, s.text,
                                snippet(search_index, 0, '[', ']', '…', 12) AS snippet,
                                snippet(search_index, 0, char(2), char(3), '…', 12) AS marked,
                                bm25(search_index) AS rank,
                                CASE WHEN s.kind = 'transcript' THEN NULL ELSE
                                  (SELECT m.at FROM memories m
                                   WHERE m.item_id = s.item_id AND m.kind = s.kind
                                     AND s.text IN (m.text, m.text || ' (' || substr(m.at, 1, 10) || ')')
                                   ORDER BY m.id LIMIT 1) END AS at
                         FROM search_index s JOIN items i ON i.id = s.item_id JOIN jobs j ON j.item_id = s.item_id
                         WHERE search_index MATCH @match AND j.state <> 'discarded' AND (@kind IS NULL OR s.kind = @kind)
                         ORDER BY rank LIMIT @limit`),
      count: db.prepare(`SELECT count(*) FROM search_index WHERE item_id = ?`).pluck(),
    };
    this.replaceTx = db.transaction((lease: LeaseRef, entries: readonly IndexEntry[]) => {
      fence(lease);
      this.s.remove.run(lease.itemId);
      for (const e of entries) this.s.insert.run(e.text, lease.itemId, e.kind, e.start);
    });
  }

  /** Fenced: replaces the item's entries whole (re-indexing never duplicates). */
  replace(lease: LeaseRef, entries: readonly IndexEntry[]): void {
    this.replaceTx.immediate(lease, entries);
  }

  entries(itemId: number): number {
    return this.s.count.get(itemId) as number;
  }

  /** Best matches first; `kind` narrows to transcript segments or to memories of one kind. */
  search(query: string, limit: number, kind?: SearchKind): SearchHit[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    const rows = this.s.query.all({ match: fts, kind: kind ?? null, limit }) as {
      item_id: number;
      file_name: string;
      kind: SearchHit['kind'];
      start_sec: number | null;
      text: string;
      snippet: string;
      marked: string;
      at: string | null;
      rank: number;
    }[];
    return rows.map((r) => ({
      itemId: r.item_id,
      fileName: r.file_name,
      kind: r.kind,
      snippet: r.snippet,
      marked: r.marked,
      text: r.text,
      start: r.start_sec,
      at: r.at,
      rank: r.rank,
    }));
  }
}
