import type { Memory, MemoryKind } from '../../shared/contract';
import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { leaseFence } from './lease-fence';

interface MemoryRow {
  kind: MemoryKind;
  text: string;
  at: string | null;
  source_start: number | null;
  source_end: number | null;
  source_text: string | null;
}

/** An item's memories. A new extraction replaces the previous one whole, so re-runs never duplicate. */
export class MemoriesStore {
  private readonly s;
  private readonly replaceTx;

  constructor(db: SqliteDatabase) {
    const fence = leaseFence(db);
    this.s = {
      remove: db.prepare(`DELETE FROM memories WHERE item_id = ?`),
      insert: db.prepare(`INSERT INTO memories (item_id, kind, text, at, source_start, source_end, source_text, extractor)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      list: db.prepare(`SELECT kind, text, at, source_start, source_end, source_text FROM memories WHERE item_id = ? ORDER BY id`),
    };
    this.replaceTx = db.transaction((lease: LeaseRef, memories: readonly Memory[], extractor: string) => {
      fence(lease);
      this.s.remove.run(lease.itemId);
      for (const m of memories) {
        this.s.insert.run(lease.itemId, m.kind, m.text, m.at, m.source?.start ?? null, m.source?.end ?? null, m.source?.text ?? null, extractor);
      }
    });
  }

  /** Fenced: refused (LeaseLostError) unless `lease` is still held. */
  replace(lease: LeaseRef, memories: readonly Memory[], extractor: string): void {
    this.replaceTx.immediate(lease, memories, extractor);
  }

  list(itemId: number): Memory[] {
    return (this.s.list.all(itemId) as MemoryRow[]).map((r) => ({
      kind: r.kind,
      text: r.text,
      at: r.at,
      source: r.source_start !== null && r.source_end !== null ? { start: r.source_start, end: r.source_end, text: r.source_text ?? '' } : null,
    }));
  }
}
