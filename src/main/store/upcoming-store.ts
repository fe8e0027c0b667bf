import type { MemoryKind } from '../../shared/contract';
import { memoryKey } from '../upcoming/memory-key';
import type { SqliteDatabase } from './database';

/** A to-do or event as stored, with its tick. */
export interface DueMemory {
  memoryId: number;
  itemId: number;
  fileName: string;
  kind: 'todo' | 'event';
  text: string;
  at: string | null;
  allDay: boolean;
  start: number | null;
  /** ms epoch of the Done tick, or null. */
  doneAt: number | null;
}

interface DueRow {
  id: number;
  item_id: number;
  file_name: string;
  kind: 'todo' | 'event';
  text: string;
  at: string | null;
  source_start: number | null;
  /** Present once the memories table has the column (date said without a time). */
  all_day?: number | null;
}

/** A to-do or event as a page showed it: the recording it was said in, and its words. */
export interface ShownMemory {
  itemId: number;
  text: string;
}

export type TickOutcome = { memoryId: number; doneAt: number | null } | 'not_found' | { notTickable: MemoryKind };

/** To-dos and events of every item but discarded ones, and their Done ticks (migration 0009). */
export class UpcomingStore {
  private readonly s;

  constructor(db: SqliteDatabase) {
    this.s = {
      // m.* rather than a column list: a column added to memories later (all_day) is read when present.
      due: db.prepare(`SELECT m.*, i.file_name FROM memories m JOIN items i ON i.id = m.item_id JOIN jobs j ON j.item_id = m.item_id
                       WHERE j.state <> 'discarded' AND m.kind IN ('todo', 'event')
                       ORDER BY m.item_id DESC, m.id`),
      ticks: db.prepare(`SELECT item_id, memory_key, done_at FROM memory_ticks`),
      memory: db.prepare(`SELECT item_id, kind, text FROM memories WHERE id = @memoryId`),
      item: db.prepare(`SELECT 1 FROM items WHERE id = @itemId`).pluck(),
      tick: db.prepare(`INSERT INTO memory_ticks (item_id, memory_key, done_at) VALUES (@itemId, @key, @now)
                        ON CONFLICT (item_id, memory_key) DO NOTHING`),
      tickedAt: db.prepare(`SELECT done_at FROM memory_ticks WHERE item_id = @itemId AND memory_key = @key`).pluck(),
      untick: db.prepare(`DELETE FROM memory_ticks WHERE item_id = @itemId AND memory_key = @key`),
    };
  }

  /** Every to-do and event with its tick, newest recordings first. */
  due(): DueMemory[] {
    const ticks = new Map<string, number>();
    for (const t of this.s.ticks.all() as { item_id: number; memory_key: string; done_at: number }[])
      ticks.set(`${t.item_id} ${t.memory_key}`, t.done_at);
    return (this.s.due.all() as DueRow[]).map((r) => ({
      memoryId: r.id,
      itemId: r.item_id,
      fileName: r.file_name,
      kind: r.kind,
      text: r.text,
      at: r.at,
      allDay: r.all_day === 1,
      start: r.source_start,
      doneAt: ticks.get(`${r.item_id} ${memoryKey(r.text)}`) ?? null,
    }));
  }

  /** Ticks a to-do or event Done (keeping the first tick's time) or clears its tick: one statement, so one transaction. */
  setDone(memoryId: number, done: boolean, now: number, shown?: ShownMemory): TickOutcome {
    const m = this.s.memory.get({ memoryId }) as { item_id: number; kind: MemoryKind; text: string } | undefined;
    const same = m && (!shown || (m.item_id === shown.itemId && memoryKey(m.text) === memoryKey(shown.text)));
    let key: { itemId: number; key: string };
    if (m && same) {
      if (m.kind !== 'todo' && m.kind !== 'event') return { notTickable: m.kind };
      key = { itemId: m.item_id, key: memoryKey(m.text) };
    } else if (shown && this.s.item.get({ itemId: shown.itemId }) !== undefined) {
      // Extract again replaced the memory the page showed (its id is gone, or now another memory's):
      // the tick goes to the words the user saw, of that recording, where ticks are kept anyway.
      key = { itemId: shown.itemId, key: memoryKey(shown.text) };
    } else {
      return 'not_found';
    }
    if (done) this.s.tick.run({ ...key, now });
    else this.s.untick.run(key);
    return { memoryId, doneAt: done ? (this.s.tickedAt.get(key) as number) : null };
  }
}
