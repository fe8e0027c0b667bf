import type { Memory, MemoryEntry, MemoryKind, MemoryRepeats } from '../../shared/contract';
import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { leaseFence } from './lease-fence';
import { rerunLookup, type OutputView } from './rerun-view';

interface MemoryRow {
  kind: MemoryKind;
  text: string;
  at: string | null;
  all_day: number;
  repeats: MemoryRepeats | null;
  source_start: number | null;
  source_end: number | null;
  source_text: string | null;
}

interface EntryRow extends MemoryRow {
  id: number;
  item_id: number;
  file_name: string;
  /** When the recording was made (its add time until ingest read it). */
  recorded_at: number;
}

/** Where a page of memories ends: the last row's sort key (newest recording first, then transcript order). */
export interface MemoryCursor {
  itemId: number;
  memoryId: number;
}

export interface MemoryPageQuery {
  kind?: MemoryKind;
  after?: MemoryCursor;
  limit: number;
}

const toMemory = (r: MemoryRow): Memory => ({
  kind: r.kind,
  text: r.text,
  at: r.at,
  allDay: r.all_day === 1,
  repeats: r.repeats,
  source:
    r.source_start !== null && r.source_end !== null
      ? { start: r.source_start, end: r.source_end, text: r.source_text ?? '' }
      : null,
});

/**
 * An item's memories. A new extraction replaces the previous one whole, so re-runs never duplicate.
 * While the user has an item run again, the pipeline's view keeps the new memories apart (as the
 * extractor returned them) until the re-run has succeeded; then `publishStaged` writes them here.
 */
export class MemoriesStore {
  private readonly s;
  private readonly replaceTx;
  private readonly publishTx;
  private readonly rerunFrom;

  constructor(
    db: SqliteDatabase,
    private readonly view: OutputView = 'published',
  ) {
    const fence = leaseFence(db);
    this.rerunFrom = rerunLookup(db);
    this.s = {
      remove: db.prepare(`DELETE FROM memories WHERE item_id = @itemId`),
      insert:
        db.prepare(`INSERT INTO memories (item_id, kind, text, at, all_day, repeats, source_start, source_end, source_text, extractor)
                          VALUES (@itemId, @kind, @text, @at, @allDay, @repeats, @sourceStart, @sourceEnd, @sourceText, @extractor)`),
      list: db.prepare(
        `SELECT kind, text, at, all_day, repeats, source_start, source_end, source_text FROM memories WHERE item_id = @itemId ORDER BY id`,
      ),
      staged: db.prepare(`SELECT memories, extractor FROM rerun_memories WHERE item_id = @itemId`),
      dropStaged: db.prepare(`DELETE FROM rerun_memories WHERE item_id = @itemId`),
      // Keyset paging over (item_id DESC, id ASC): memories_by_item walks items newest first and
      // only each item's few memories are sorted, so a page costs the same anywhere in the list.
      page: db.prepare(`SELECT m.id, m.item_id, i.file_name, coalesce(i.recorded_at, i.created_at) AS recorded_at, m.kind, m.text, m.at, m.all_day, m.repeats, m.source_start, m.source_end, m.source_text
                        FROM memories m JOIN items i ON i.id = m.item_id JOIN jobs j ON j.item_id = m.item_id
                        WHERE j.state <> 'discarded' AND (@kind IS NULL OR m.kind = @kind)
                          AND (@afterItem IS NULL OR m.item_id < @afterItem OR (m.item_id = @afterItem AND m.id > @afterId))
                        ORDER BY m.item_id DESC, m.id ASC LIMIT @limit`),
      count: db
        .prepare(
          `SELECT count(*) FROM memories m JOIN jobs j ON j.item_id = m.item_id
                  WHERE j.state <> 'discarded' AND (@kind IS NULL OR m.kind = @kind)`,
        )
        .pluck(),
    };
    const stage = db.prepare(
      `INSERT OR REPLACE INTO rerun_memories (item_id, memories, extractor) VALUES (@itemId, @memories, @extractor)`,
    );
    const write = (itemId: number, memories: readonly Memory[], extractor: string) => {
      this.s.remove.run({ itemId });
      for (const m of memories) {
        this.s.insert.run({
          itemId,
          kind: m.kind,
          text: m.text,
          at: m.at,
          // A re-run's staged JSON from before memory dates has neither field.
          allDay: m.allDay && m.at !== null ? 1 : 0,
          repeats: m.repeats ?? null,
          sourceStart: m.source?.start ?? null,
          sourceEnd: m.source?.end ?? null,
          sourceText: m.source?.text ?? null,
          extractor,
        });
      }
    };
    this.replaceTx = db.transaction((lease: LeaseRef, memories: readonly Memory[], extractor: string) => {
      fence(lease);
      if (this.view === 'pipeline' && this.rerunFrom(lease.itemId) !== null)
        stage.run({ itemId: lease.itemId, memories: JSON.stringify(memories), extractor });
      else write(lease.itemId, memories, extractor);
    });
    this.publishTx = db.transaction((itemId: number) => {
      const staged = this.s.staged.get({ itemId }) as { memories: string; extractor: string } | undefined;
      if (!staged) return;
      write(itemId, JSON.parse(staged.memories) as Memory[], staged.extractor);
      this.s.dropStaged.run({ itemId });
    });
  }

  /** Fenced: refused (LeaseLostError) unless `lease` is still held. */
  replace(lease: LeaseRef, memories: readonly Memory[], extractor: string): void {
    this.replaceTx.immediate(lease, memories, extractor);
  }

  /**
   * A re-run's memories replace the published ones; nothing happens when the re-run stored none yet.
   * Runs inside the caller's transaction (the index stage's), so the swap is all or nothing.
   */
  publishStaged(itemId: number): void {
    this.publishTx(itemId);
  }

  list(itemId: number): Memory[] {
    if (this.view === 'pipeline' && this.rerunFrom(itemId) !== null) {
      const staged = this.s.staged.get({ itemId }) as { memories: string } | undefined;
      if (staged) return JSON.parse(staged.memories) as Memory[];
    }
    return (this.s.list.all({ itemId }) as MemoryRow[]).map(toMemory);
  }

  /** Memories of every item but discarded ones, newest recordings first, then in transcript order. */
  page(query: MemoryPageQuery): MemoryEntry[] {
    const rows = this.s.page.all({
      kind: query.kind ?? null,
      afterItem: query.after?.itemId ?? null,
      afterId: query.after?.memoryId ?? null,
      limit: query.limit,
    }) as EntryRow[];
    return rows.map((r) => ({
      ...toMemory(r),
      id: r.id,
      itemId: r.item_id,
      fileName: r.file_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  /** How many memories `page` would list in all. */
  count(kind?: MemoryKind): number {
    return this.s.count.get({ kind: kind ?? null }) as number;
  }
}
