import type { SqliteDatabase } from './database';
import { eventLog } from './event-log';
import type { MemoriesStore } from './memories-store';
import { rerunLookup } from './rerun-view';
import type { TranscriptsStore } from './transcripts-store';

/**
 * Publishes a re-run's outputs: the new transcript (when transcription ran again) and memories
 * replace the old ones and the re-run is closed. Called by the index stage's write, inside its
 * transaction, once every stage of the re-run has succeeded: the old and the new are never mixed on
 * screen, and a re-run that fails leaves the old ones as they were.
 */
export class RerunOutputs {
  private readonly rerunFrom;
  private readonly close;
  private readonly log;

  constructor(
    db: SqliteDatabase,
    private readonly transcripts: TranscriptsStore,
    private readonly memories: MemoriesStore,
  ) {
    this.rerunFrom = rerunLookup(db);
    this.close = db.prepare(`DELETE FROM reruns WHERE item_id = @itemId`);
    this.log = eventLog(db);
  }

  /** Must run inside a write transaction. Returns whether a re-run was published. */
  publish(itemId: number, now: number): boolean {
    const from = this.rerunFrom(itemId);
    if (from === null) return false;
    if (from === 'transcribe') this.transcripts.publishStaged(itemId);
    this.memories.publishStaged(itemId);
    this.close.run({ itemId });
    const what = from === 'transcribe' ? 'the new transcript and memories' : 'the new memories';
    this.log.append(itemId, now, 'index', {
      type: 'rerun_published',
      actor: 'engine',
      detail: `${what} replaced the old ones`,
    });
    return true;
  }
}
