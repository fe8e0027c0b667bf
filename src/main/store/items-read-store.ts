import type {
  ErrorGroup,
  ItemDetail,
  ItemEvent,
  ItemsFilter,
  ItemSortKey,
  ItemState,
  ItemSummary,
  Overview,
  RecordedFrom,
  SortDirection,
  Stage,
} from '../../shared/contract';
import { stages } from '../../shared/contract';
import type { SqliteDatabase } from './database';
import { OverviewCounts } from './overview-counts';
import { itemEventChain } from './event-log';
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
  acquired_at: number | null;
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

const eventColumns = ['id', 'at', 'type', 'stage', 'actor', 'detail', 'error_code', 'error_message'];

const iso = (ms: number) => new Date(ms).toISOString();

/** The sort key of a row a page ended on. */
export interface ListCursor {
  id: number;
  /** Present when sorting by priority. */
  priority?: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The state condition. Counting may use any index. A page, though, must come out in id order: the
 * partial indexes for waiting and queued jobs are ordered by stage or priority, and SQLite, when it
 * picks one, sorts every matching row (~40 ms for 10,000 waiting items). So for a page the state
 * term hides from indexes (unary +) and SQLite walks the table in id order, stopping after a page
 * (~1 ms when matches are common, ~15 ms at worst when they are rare). Dead letters keep their
 * id-ordered partial index; running jobs are found through the small leases table.
 */
function stateTerm(state: ItemState, purpose: 'list' | 'count'): string {
  if (state === 'running') return `j.state = 'running' AND j.item_id IN (SELECT item_id FROM leases)`;
  if (purpose === 'count' || state === 'dead') return `j.state = '${state}'`;
  return `+j.state = '${state}'`;
}

/**
 * WHERE terms for a filter. State and stage are validated enums inlined as literals, so SQLite can
 * pick the partial or state index that matches; everything the user typed is a bound parameter.
 */
function filterSql(
  filter: ItemsFilter,
  purpose: 'list' | 'count' = 'count',
): { where: string[]; params: Record<string, string | number> } {
  const where = [filter.state ? stateTerm(filter.state, purpose) : `j.state <> 'discarded'`];
  const params: Record<string, string | number> = {};
  if (filter.stage) where.push(`j.stage = '${filter.stage}'`);
  if (filter.errorCode) {
    where.push(filter.errorCode === 'NO_ERROR_RECORDED' ? 'j.error_code IS NULL' : 'j.error_code = @errorCode');
    params.errorCode = filter.errorCode;
  }
  if (filter.q) {
    where.push(`i.file_name LIKE @like ESCAPE '\\'`);
    params.like = `%${escapeLike(filter.q)}%`;
  }
  return { where, params };
}

function ageOrder(direction: SortDirection): { by: string; after: string } {
  const desc = direction === 'desc';
  return { by: `j.item_id ${desc ? 'DESC' : 'ASC'}`, after: `j.item_id ${desc ? '<' : '>'} @cid` };
}

/**
 * The priority sort without an index over every job (migration 0007 keeps only the jobs whose
 * priority is not the default in `jobs_prioritized`): SQLite merges two ordered walks, that index
 * and the default-priority jobs in id order, and stops after a page. Each arm's part of the cursor
 * condition is chosen here so that both walks start at the cursor instead of filtering up to it.
 */
function priorityArms(where: string[], direction: SortDirection, after: ListCursor | undefined): string[][] {
  const cmp = direction === 'desc' ? '<' : '>';
  const others = [...where, 'j.priority <> 0'];
  const defaults = [...where, 'j.priority = 0'];
  if (!after) return [others, defaults];
  others.push(`(j.priority, j.item_id) ${cmp} (@cp, @cid)`);
  const cp = after.priority ?? 0;
  if (cp === 0) defaults.push(`j.item_id ${cmp} @cid`);
  // A cursor past the default priority leaves none of it; one before it leaves all of it.
  else if (direction === 'desc' ? cp < 0 : cp > 0) return [others];
  return [others, defaults];
}

const summaryColumns = `j.item_id AS id, i.source_path, i.file_name, i.sha256, i.size_bytes, i.stored_path, i.created_at,
  j.state, j.stage, j.priority, j.attempts, j.max_attempts, j.error_code, j.error_message, j.wait_reason, j.run_at, j.updated_at,
  l.progress_step, l.progress_percent, l.progress_message, l.acquired_at`;
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
    startedAt: r.state === 'running' && r.acquired_at !== null ? iso(r.acquired_at) : null,
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

export interface ListQuery extends ItemsFilter {
  /** Default `age`. */
  sort?: ItemSortKey;
  /** Default `desc` (newest or highest priority first). */
  direction?: SortDirection;
  /** Start after the row with this sort key (keyset paging). */
  after?: ListCursor;
  /** Newest-first paging by id, as before sorts existed: same as `after: { id: beforeId }`. */
  beforeId?: number;
  /** Start this many rows in, for jumps far down a list. */
  offset?: number;
  limit: number;
}

/** Read side for the API and CLI: item lists, details, counts and the change feed. */
export class ItemsReadStore {
  private readonly s;
  private readonly listStatements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  private readonly transcripts: TranscriptsStore;
  private readonly memories: MemoriesStore;
  private readonly counts: OverviewCounts;

  constructor(private readonly db: SqliteDatabase) {
    const p = (sql: string) => db.prepare(sql);
    this.transcripts = new TranscriptsStore(db);
    this.memories = new MemoriesStore(db);
    this.counts = new OverviewCounts(db);
    this.s = {
      summary: p(`SELECT ${summaryColumns} FROM ${summaryFrom} WHERE i.id = @id`),
      summaries: p(`SELECT ${summaryColumns} FROM ${summaryFrom} WHERE i.id IN (SELECT value FROM json_each(@ids))`),
      recorded: p(`SELECT coalesce(recorded_at, created_at) AS at, coalesce(recorded_from, 'added') AS source
                   FROM items WHERE id = @id`),
      events: p(`${itemEventChain(eventColumns)} SELECT ${eventColumns.join(', ')} FROM chain ORDER BY id`),
      lastEventId: p(`SELECT coalesce(max(id), 0) FROM events`).pluck(),
      changedSince: p(`SELECT DISTINCT item_id FROM events WHERE id > @afterId AND id <= @upToId`).pluck(),
      stateCounts: p(`SELECT state, count(*) AS n FROM jobs GROUP BY state`),
      // The example message is the newest item's (SQLite's bare-column rule with max()).
      errorGroups:
        p(`SELECT coalesce(error_code, 'NO_ERROR_RECORDED') AS code, count(*) AS n, group_concat(DISTINCT stage) AS stages,
                             error_message AS example, max(updated_at) AS last_at
                      FROM jobs WHERE state = @state GROUP BY coalesce(error_code, 'NO_ERROR_RECORDED') ORDER BY n DESC, code`),
    };
  }

  summary(id: number): ItemSummary | undefined {
    const r = this.s.summary.get({ id }) as SummaryRow | undefined;
    return r && toSummary(r);
  }

  /** The summaries of these items (gone ones left out) in one statement: what a change push reads. */
  summaries(ids: readonly number[]): ItemSummary[] {
    if (ids.length === 0) return [];
    if (ids.length === 1) return (this.s.summary.all({ id: ids[0] }) as SummaryRow[]).map(toSummary);
    return (this.s.summaries.all({ ids: JSON.stringify(ids) }) as SummaryRow[]).map(toSummary);
  }

  detail(id: number): ItemDetail | undefined {
    const r = this.s.summary.get({ id }) as SummaryRow | undefined;
    if (!r) return undefined;
    const recorded = this.s.recorded.get({ id }) as { at: number; source: RecordedFrom };
    return {
      ...toSummary(r),
      storedPath: r.stored_path,
      recordedAt: iso(recorded.at),
      recordedFrom: recorded.source,
      events: (this.s.events.all({ itemId: id }) as EventRow[]).map(toItemEvent),
      transcript: this.transcripts.transcript(id),
      memories: this.memories.list(id),
    };
  }

  /**
   * One page of items. Keyset paging (the cursor is the last row's sort key), so a page never
   * repeats or skips rows when items are added meanwhile; `offset` is for jumps far down a list.
   */
  list(query: ListQuery): ItemSummary[] {
    const { where, params } = filterSql(query, 'list');
    const sort = query.sort ?? 'age';
    const direction = query.direction ?? 'desc';
    const after = query.after ?? (query.beforeId !== undefined ? { id: query.beforeId } : undefined);
    let startSql = '';
    if (after) {
      params.cid = after.id;
      params.cp = after.priority ?? 0;
    } else if (query.offset !== undefined) {
      startSql = ' OFFSET @offset';
      params.offset = query.offset;
    }
    params.limit = query.limit;
    const select = (terms: string[]) => `SELECT ${summaryColumns} FROM ${summaryFrom} WHERE ${terms.join(' AND ')}`;
    let sql: string;
    if (sort === 'priority') {
      sql = `${priorityArms(where, direction, after).map(select).join(' UNION ALL ')}
             ORDER BY priority ${direction}, id ${direction} LIMIT @limit${startSql}`;
    } else {
      const order = ageOrder(direction);
      sql = `${select(after ? [...where, order.after] : where)} ORDER BY ${order.by} LIMIT @limit${startSql}`;
    }
    return (this.statement(sql).all(params) as SummaryRow[]).map(toSummary);
  }

  count(filter: ItemsFilter): number {
    const { where, params } = filterSql(filter);
    const from = filter.q ? 'jobs j JOIN items i ON i.id = j.item_id' : 'jobs j';
    return this.statement(`SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`)
      .pluck()
      .get(params) as number;
  }

  /** Ids matching a filter, newest first, after `beforeId`: how bulk actions walk "all matching". */
  matchingIds(filter: ItemsFilter, beforeId: number, limit: number): number[] {
    const { where, params } = filterSql(filter);
    const from = filter.q ? 'jobs j JOIN items i ON i.id = j.item_id' : 'jobs j';
    where.push('j.item_id < @before');
    const sql = `SELECT j.item_id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY j.item_id DESC LIMIT @limit`;
    return this.statement(sql)
      .pluck()
      .all({ ...params, before: beforeId, limit }) as number[];
  }

  /** Items in `state` grouped by error code, largest group first. */
  errorGroups(state: ItemState): ErrorGroup[] {
    const rows = this.s.errorGroups.all({ state }) as {
      code: string;
      n: number;
      stages: string;
      example: string | null;
      last_at: number;
    }[];
    return rows.map((r) => ({
      code: r.code,
      count: r.n,
      stages: stages.filter((st) => r.stages.split(',').includes(st)),
      example: r.example ?? '',
      lastAt: iso(r.last_at),
    }));
  }

  private statement(sql: string) {
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    return stmt;
  }

  overview(): Overview {
    return this.counts.overview();
  }

  lastEventId(): number {
    return this.s.lastEventId.get() as number;
  }

  /** Ids of items with events in (afterId, upToId]: the change feed across processes. */
  changedItems(afterId: number, upToId: number): number[] {
    return this.s.changedSince.all({ afterId, upToId }) as number[];
  }
}
