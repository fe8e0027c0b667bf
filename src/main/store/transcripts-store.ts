import type { Transcript, TranscriptSegment } from '../../shared/contract';
import type { LeaseRef } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { leaseFence } from './lease-fence';
import { rerunLookup, type OutputView } from './rerun-view';

export interface TranscriptPlan {
  sampleRate: number;
  totalFrames: number;
  /** [startFrame, endFrame) of each chunk, in order. */
  chunks: [number, number][];
}

/** A part of the plan given up on for this run of the job: it kept failing, so the others went on. */
export interface SetAsidePart {
  index: number;
  /** Why, for people: "timed out 3 times while the server answered its check". */
  reason: string;
}

export interface StoredChunk {
  index: number;
  segments: TranscriptSegment[];
  engine: string;
}

function statements(db: SqliteDatabase, plans: string, chunks: string) {
  const p = (sql: string) => db.prepare(sql);
  return {
    plan: p(`SELECT sample_rate, total_frames, chunks FROM ${plans} WHERE item_id = @itemId`),
    insertPlan: p(
      `INSERT INTO ${plans} (item_id, sample_rate, total_frames, chunks, created_at) VALUES (@itemId, @sampleRate, @totalFrames, @chunks, @now)`,
    ),
    deleteChunks: p(`DELETE FROM ${chunks} WHERE item_id = @itemId`),
    deletePlan: p(`DELETE FROM ${plans} WHERE item_id = @itemId`),
    upsertChunk:
      p(`INSERT INTO ${chunks} (item_id, chunk_index, segments, engine, done_at) VALUES (@itemId, @index, @segments, @engine, @now)
                    ON CONFLICT (item_id, chunk_index) DO UPDATE SET segments = excluded.segments, engine = excluded.engine,
                                                                    done_at = excluded.done_at`),
    chunks: p(`SELECT chunk_index, segments, engine FROM ${chunks} WHERE item_id = @itemId ORDER BY chunk_index`),
    chunkCount: p(`SELECT count(*) FROM ${chunks} WHERE item_id = @itemId`).pluck(),
    deleteChunk: p(`DELETE FROM ${chunks} WHERE item_id = @itemId AND chunk_index = @index`),
    setAside: p(`SELECT set_aside FROM ${plans} WHERE item_id = @itemId`).pluck(),
    saveSetAside: p(`UPDATE ${plans} SET set_aside = @setAside WHERE item_id = @itemId`),
  };
}

/**
 * The transcription checkpoint: one plan per item and every finished chunk's segments. Seen through
 * an `OutputView`: while an item is transcribed again, the pipeline's view reads and writes the new
 * plan and chunks apart from the published ones (store/rerun-outputs.ts publishes them).
 */
export class TranscriptsStore {
  private readonly main;
  private readonly staged;
  private readonly rerunFrom;
  private readonly tx;

  constructor(
    db: SqliteDatabase,
    private readonly view: OutputView = 'published',
  ) {
    const fence = leaseFence(db);
    this.main = statements(db, 'transcript_plans', 'transcript_chunks');
    this.staged = statements(db, 'rerun_transcript_plans', 'rerun_transcript_chunks');
    this.rerunFrom = rerunLookup(db);
    const copyPlan = db.prepare(
      `INSERT INTO transcript_plans SELECT * FROM rerun_transcript_plans WHERE item_id = @itemId`,
    );
    const copyChunks = db.prepare(
      `INSERT INTO transcript_chunks SELECT * FROM rerun_transcript_chunks WHERE item_id = @itemId`,
    );
    this.tx = {
      // A new plan invalidates chunks cut by an older one.
      savePlan: db.transaction((lease: LeaseRef, plan: TranscriptPlan, now: number) => {
        fence(lease);
        const s = this.s(lease.itemId);
        s.deleteChunks.run({ itemId: lease.itemId });
        s.deletePlan.run({ itemId: lease.itemId });
        s.insertPlan.run({
          itemId: lease.itemId,
          sampleRate: plan.sampleRate,
          totalFrames: plan.totalFrames,
          chunks: JSON.stringify(plan.chunks),
          now,
        });
      }),
      saveChunk: db.transaction(
        (lease: LeaseRef, index: number, segments: TranscriptSegment[], engine: string, now: number) => {
          fence(lease);
          this.s(lease.itemId).upsertChunk.run({
            itemId: lease.itemId,
            index,
            segments: JSON.stringify(segments),
            engine,
            now,
          });
        },
      ),
      setPartAside: db.transaction((itemId: number, part: SetAsidePart, lease: LeaseRef | undefined) => {
        if (lease) fence(lease);
        const others = this.setAside(itemId).filter((p) => p.index !== part.index);
        const setAside = JSON.stringify([...others, part].sort((a, b) => a.index - b.index));
        this.s(itemId).saveSetAside.run({ itemId, setAside });
      }),
      clearSetAside: db.transaction((lease: LeaseRef) => {
        fence(lease);
        this.s(lease.itemId).saveSetAside.run({ itemId: lease.itemId, setAside: null });
      }),
      publish: db.transaction((itemId: number) => {
        this.main.deleteChunks.run({ itemId });
        this.main.deletePlan.run({ itemId });
        copyPlan.run({ itemId });
        copyChunks.run({ itemId });
        this.staged.deleteChunks.run({ itemId });
        this.staged.deletePlan.run({ itemId });
      }),
    };
  }

  /** The statements of the copy this view sees for the item. */
  private s(itemId: number) {
    return this.view === 'pipeline' && this.rerunFrom(itemId) === 'transcribe' ? this.staged : this.main;
  }

  /**
   * A re-run from transcription succeeded: its plan and chunks replace the published ones. Runs
   * inside the caller's transaction (the index stage's), so the swap is all or nothing.
   */
  publishStaged(itemId: number): void {
    this.tx.publish(itemId);
  }

  plan(itemId: number): TranscriptPlan | undefined {
    const r = this.s(itemId).plan.get({ itemId }) as
      { sample_rate: number; total_frames: number; chunks: string } | undefined;
    return (
      r && {
        sampleRate: r.sample_rate,
        totalFrames: r.total_frames,
        chunks: JSON.parse(r.chunks) as [number, number][],
      }
    );
  }

  /** Fenced: refused (LeaseLostError) unless `lease` is still held. Drops chunks of an older plan. */
  savePlan(lease: LeaseRef, plan: TranscriptPlan, now: number): void {
    this.tx.savePlan.immediate(lease, plan, now);
  }

  /** Fenced. Stores one finished chunk: this is the checkpoint a resumed attempt starts after. */
  saveChunk(lease: LeaseRef, index: number, segments: TranscriptSegment[], engine: string, now: number): void {
    this.tx.saveChunk.immediate(lease, index, segments, engine, now);
  }

  /** The parts set aside in this run of the job (they kept failing), in plan order. */
  setAside(itemId: number): SetAsidePart[] {
    const json = this.s(itemId).setAside.get({ itemId }) as string | null | undefined;
    return json ? (JSON.parse(json) as SetAsidePart[]) : [];
  }

  /**
   * Sets a part of the plan aside: the stage goes on with the others and ends as a dead letter
   * naming it. Fenced when `lease` is given (the stage); recovery, which has just taken the job from
   * its holder, passes none (a late writer's fenced writes are refused).
   */
  setPartAside(itemId: number, part: SetAsidePart, lease?: LeaseRef): void {
    this.tx.setPartAside.immediate(itemId, part, lease);
  }

  /** Fenced. The stage ended naming the parts set aside: a Retry tries them again. */
  clearSetAside(lease: LeaseRef): void {
    this.tx.clearSetAside.immediate(lease);
  }

  /** Chunks stored so far (the checkpoint's size), without reading them. */
  chunkCount(itemId: number): number {
    return this.s(itemId).chunkCount.get({ itemId }) as number;
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
      this.s(itemId).deleteChunk.run({ itemId, index: c.index });
      dropped++;
    }
    return { kept: chunks.length - dropped, dropped };
  }

  chunks(itemId: number): StoredChunk[] {
    return (this.s(itemId).chunks.all({ itemId }) as { chunk_index: number; segments: string; engine: string }[]).map(
      (r) => ({
        index: r.chunk_index,
        segments: JSON.parse(r.segments) as TranscriptSegment[],
        engine: r.engine,
      }),
    );
  }

  /** The transcript from the chunks stored so far, or null when there are none. */
  transcript(itemId: number): Transcript | null {
    const chunks = this.chunks(itemId);
    if (chunks.length === 0) return null;
    const segments = chunks.flatMap((c) => c.segments);
    return { text: segments.map((s) => s.text).join(' '), segments };
  }
}
