import type { SearchHit } from '../../shared/contract';
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
      query: db.prepare(`SELECT s.item_id, i.file_name, s.kind, s.start_sec, s.text,
                                snippet(search_index, 0, '[', ']', '…', 12) AS snippet, bm25(search_index) AS rank
                         FROM search_index s JOIN items i ON i.id = s.item_id JOIN jobs j ON j.item_id = s.item_id
                         WHERE search_index MATCH ? AND j.state <> 'discarded'
                         ORDER BY rank LIMIT ?`),
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

  search(query: string, limit: number): SearchHit[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    const rows = this.s.query.all(fts, limit) as {
      item_id: number;
      file_name: string;
      kind: SearchHit['kind'];
      start_sec: number | null;
      text: string;
      snippet: string;
      rank: number;
    }[];
    return rows.map((r) => ({ itemId: r.item_id, fileName: r.file_name, kind: r.kind, snippet: r.snippet, text: r.text, start: r.start_sec, rank: r.rank }));
  }
}
