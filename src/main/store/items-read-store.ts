import type { ItemDetail, ItemEvent, ItemState, ItemSummary, Overview, Stage } from '../../shared/contract';
import { itemStates, stages } from '../../shared/contract';
import type { SqliteDatabase } from './database';
import { MemoriesStore } from './memories-store';
import { TranscriptsStore } from './transcripts-store';

interface SummaryRow {
  id: number;
  source_path: string;
  file_name: string;
  sha256: Buffer;
  size_bytes: number;
  stored_path: string | null;
  state: ItemState;
  stage: Stage;
  priority: number;
  attempts: number;
  max_attempts: number;
  error_code: string | null;
  error_message: string | null;
  wait_reason: string | null;
  run_at: number;
  created_at: number;
  updated_at: number;
  progress_step: string | null;
  progress_percent: number | null;
  progress_message: string | null;
}

interface EventRow {
  id: number;
  at: number;
  type: string;
  stage: Stage | null;
  actor: ItemEvent['actor'];
  detail: string | null;
  error_code: string | null;
  error_message: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

const summaryColumns = `i.id, i.source_path, i.file_name, i.sha256, i.size_bytes, i.stored_path, i.created_at,
  j.state, j.stage, j.priority, j.attempts, j.max_attempts, j.error_code, j.error_message, j.wait_reason, j.run_at, j.updated_at,
  l.progress_step, l.progress_percent, l.progress_message`;
const summaryFrom = `items i JOIN jobs j ON j.item_id = i.id LEFT JOIN leases l ON l.item_id = i.id`;

function toSummary(r: SummaryRow): ItemSummary {
  const scheduled = r.state === 'scheduled' || r.state === 'retry_scheduled';
  return {
    id: r.id,
    file: r.source_path,
    fileName: r.file_name,
    sha256: r.sha256.toString('hex'),
    sizeBytes: r.size_bytes,
    state: r.state,
    stage: r.stage,
    priority: r.priority,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    waitReason: r.state === 'waiting' ? r.wait_reason : null,
    runAt: scheduled ? iso(r.run_at) : null,
    progress:
      r.state === 'running' && r.progress_step !== null
        ? { step: r.progress_step, percent: r.progress_percent, message: r.progress_message }
        : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toItemEvent(r: EventRow): ItemEvent {
  return {
    id: r.id,
    at: iso(r.at),
    type: r.type,
    stage: r.stage,
    actor: r.actor,
    detail: r.detail,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
  };
}

export interface ListFilter {
  state?: ItemState;
  stage?: Stage;
  /** Only items with an id below this (newest first paging). */
  beforeId?: number;
  limit: number;
}

/** Read side for the API and CLI: item lists, details, counts and the change feed. */
export class ItemsReadStore {
  private readonly s;
  private readonly listStatements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  private readonly transcripts: TranscriptsStore;
  private readonly memories: MemoriesStore;

  constructor(private readonly db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.transcripts = new TranscriptsStore(db);
    this.memories = new MemoriesStore(db);
    this.s = {
      summary: p(`SELECT ${summaryColumns} FROM ${summaryFrom} WHERE i.id = ?`),
      events: p(`SELECT id, at, type, stage, actor, detail, error_code, error_message FROM events WHERE item_id = ? ORDER BY id`),
      counts: p(`SELECT stage, state, count(*) AS n FROM jobs GROUP BY stage, state`),
      lastEventId: p(`SELECT coalesce(max(id), 0) FROM events`).pluck(),
      changedSince: p(`SELECT DISTINCT item_id FROM events WHERE id > ? AND id <= ?`).pluck(),
      stateCounts: p(`SELECT state, count(*) AS n FROM jobs GROUP BY state`),
      bySha: p(`SELECT id FROM items WHERE sha256 = ?`).pluck(),
    };
  }

  summary(id: number): ItemSummary | undefined {
    const r = this.s.summary.get(id) as SummaryRow | undefined;
    return r && toSummary(r);
  }

  detail(id: number): ItemDetail | undefined {
    const r = this.s.summary.get(id) as SummaryRow | undefined;
    if (!r) return undefined;
    return {
      ...toSummary(r),
      storedPath: r.stored_path,
      events: (this.s.events.all(id) as EventRow[]).map(toItemEvent),
      transcript: this.transcripts.transcript(id),
      memories: this.memories.list(id),
    };
  }

  /**
   * Newest first. Discarded items only appear when asked for by state. The state and stage are
   * validated enums inlined as literals, so SQLite can use the matching partial index (dead letters).
   */
  list(filter: ListFilter): ItemSummary[] {
    const where = [filter.state ? `j.state = '${filter.state}'` : `j.state <> 'discarded'`];
    if (filter.stage) where.push(`j.stage = '${filter.stage}'`);
    where.push('i.id < @before');
    const sql = `SELECT ${summaryColumns} FROM ${summaryFrom} WHERE ${where.join(' AND ')} ORDER BY i.id DESC LIMIT @limit`;
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    const rows = stmt.all({ before: filter.beforeId ?? Number.MAX_SAFE_INTEGER, limit: filter.limit }) as SummaryRow[];
    return rows.map(toSummary);
  }

  overview(): Overview {
    const zero = () => Object.fromEntries(itemStates.map((s) => [s, 0])) as Record<ItemState, number>;
    const byStage = Object.fromEntries(stages.map((s) => [s, zero()])) as Record<Stage, Record<ItemState, number>>;
    const totals = zero();
    let items = 0;
    for (const r of this.s.counts.all() as { stage: Stage; state: ItemState; n: number }[]) {
      byStage[r.stage][r.state] += r.n;
      totals[r.state] += r.n;
      items += r.n;
    }
    return { byStage, totals, items };
  }

  /** The item holding this audio (SHA-256, hex), in whatever state, or undefined. */
  itemWithSha256(sha256: string): number | undefined {
    return this.s.bySha.get(Buffer.from(sha256, 'hex')) as number | undefined;
  }

  lastEventId(): number {
    return this.s.lastEventId.get() as number;
  }

  /** Ids of items with events in (afterId, upToId]: the change feed across processes. */
  changedItems(afterId: number, upToId: number): number[] {
    return this.s.changedSince.all(afterId, upToId) as number[];
  }
}
