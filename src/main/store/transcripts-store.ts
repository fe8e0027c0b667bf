import type { Transcript, TranscriptSegment } from '../../shared/contract';
import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { leaseFence } from './lease-fence';

export interface TranscriptPlan {
  sampleRate: number;
  totalFrames: number;
  /** [startFrame, endFrame) of each chunk, in order. */
  chunks: [number, number][];
}

export interface StoredChunk {
  index: number;
  segments: TranscriptSegment[];
  engine: string;
}

/** The transcription checkpoint: one plan per item and every finished chunk's segments. */
export class TranscriptsStore {
  private readonly s;
  private readonly tx;

  constructor(db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    const fence = leaseFence(db);
    this.s = {
      plan: p(`SELECT sample_rate, total_frames, chunks FROM transcript_plans WHERE item_id = ?`),
      insertPlan: p(`INSERT INTO transcript_plans (item_id, sample_rate, total_frames, chunks, created_at) VALUES (?, ?, ?, ?, ?)`),
      deleteChunks: p(`DELETE FROM transcript_chunks WHERE item_id = ?`),
      deletePlan: p(`DELETE FROM transcript_plans WHERE item_id = ?`),
      upsertChunk: p(`INSERT INTO transcript_chunks (item_id, chunk_index, segments, engine, done_at) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (item_id, chunk_index) DO UPDATE SET segments = excluded.segments, engine = excluded.engine,
                                                                      done_at = excluded.done_at`),
      chunks: p(`SELECT chunk_index, segments, engine FROM transcript_chunks WHERE item_id = ? ORDER BY chunk_index`),
      chunkCount: p(`SELECT count(*) FROM transcript_chunks WHERE item_id = ?`).pluck(),
      deleteChunk: p(`DELETE FROM transcript_chunks WHERE item_id = @itemId AND chunk_index = @index`),
    };
    this.tx = {
      // A new plan invalidates chunks cut by an older one.
      savePlan: db.transaction((lease: LeaseRef, plan: TranscriptPlan, now: number) => {
        fence(lease);
        this.s.deleteChunks.run(lease.itemId);
        this.s.deletePlan.run(lease.itemId);
        this.s.insertPlan.run(lease.itemId, plan.sampleRate, plan.totalFrames, JSON.stringify(plan.chunks), now);
      }),
      saveChunk: db.transaction((lease: LeaseRef, index: number, segments: TranscriptSegment[], engine: string, now: number) => {
        fence(lease);
        this.s.upsertChunk.run(lease.itemId, index, JSON.stringify(segments), engine, now);
      }),
    };
  }

  plan(itemId: number): TranscriptPlan | undefined {
    const r = this.s.plan.get(itemId) as { sample_rate: number; total_frames: number; chunks: string } | undefined;
    return r && { sampleRate: r.sample_rate, totalFrames: r.total_frames, chunks: JSON.parse(r.chunks) as [number, number][] };
  }

  /** Fenced: refused (LeaseLostError) unless `lease` is still held. Drops chunks of an older plan. */
  savePlan(lease: LeaseRef, plan: TranscriptPlan, now: number): void {
    this.tx.savePlan.immediate(lease, plan, now);
  }

  /** Fenced. Stores one finished chunk: this is the checkpoint a resumed attempt starts after. */
  saveChunk(lease: LeaseRef, index: number, segments: TranscriptSegment[], engine: string, now: number): void {
    this.tx.saveChunk.immediate(lease, index, segments, engine, now);
  }

  /** Chunks stored so far (the checkpoint's size), without reading them. */
  chunkCount(itemId: number): number {
    return this.s.chunkCount.get(itemId) as number;
  }

  /**
   * Drops the chunks `keep` refuses (recovery restarts the stage) and returns how many stayed and
   * went. Not fenced: it runs after recovery took the lease, so no live attempt owns them (a late
   * writer's fenced writes are refused).
   */
  dropChunksUnless(itemId: number, keep: (chunk: StoredChunk) => boolean): { kept: number; dropped: number } {
    let dropped = 0;
    const chunks = this.chunks(itemId);
    for (const c of chunks) {
      if (keep(c)) continue;
      this.s.deleteChunk.run({ itemId, index: c.index });
      dropped++;
    }
    return { kept: chunks.length - dropped, dropped };
  }

  chunks(itemId: number): StoredChunk[] {
    return (this.s.chunks.all(itemId) as { chunk_index: number; segments: string; engine: string }[]).map((r) => ({
      index: r.chunk_index,
      segments: JSON.parse(r.segments) as TranscriptSegment[],
      engine: r.engine,
    }));
  }

  /** The transcript from the chunks stored so far, or null when there are none. */
  transcript(itemId: number): Transcript | null {
    const chunks = this.chunks(itemId);
    if (chunks.length === 0) return null;
    const segments = chunks.flatMap((c) => c.segments);
    return { text: segments.map((s) => s.text).join(' '), segments };
  }
}
