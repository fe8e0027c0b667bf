import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  itemStates,
  stages,
  type ChannelName,
  type ItemSummary,
  type RequestOf,
  type ResponseOf,
} from '../../src/shared/contract';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { seedItems } from '../../bench/ui-seed';
import { waitFor } from '../support/wait-for';

const opened: Lifeline[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) {
    await app.close(0);
    // The log file opens asynchronously: removing the dir under it would fail that open.
    await waitFor('the log file', () => fs.existsSync(path.join(app.paths.logs, 'lifeline.log')));
    fs.rmSync(path.dirname(app.paths.dataDir), { recursive: true, force: true });
  }
});

/** A store seeded with `n` items in SQL (no engine): the API's read and bulk paths over real SQLite. */
function seeded(n: number): Lifeline {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeline-items-api-'));
  const app = openLifeline({ dataDir: path.join(root, 'data'), withEngine: false, processName: 'test', env: {} });
  opened.push(app);
  seedItems(app.store.db, n);
  return app;
}

async function call<C extends ChannelName>(app: Lifeline, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await app.call(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Every page of a list, following cursors. */
async function allPages(app: Lifeline, request: RequestOf<'items:list'>): Promise<ItemSummary[]> {
  const out: ItemSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(app, 'items:list', { ...request, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('the Items list API', () => {
  it('pages through every sort without repeating or skipping an item', async () => {
    const app = seeded(1_000);
    const expected = app.store.db.prepare(`SELECT item_id, priority FROM jobs WHERE state <> 'discarded'`).all() as {
      item_id: number;
      priority: number;
    }[];
    const byPriority = (dir: 1 | -1) => (a: (typeof expected)[0], b: (typeof expected)[0]) =>
      dir * (a.priority - b.priority || a.item_id - b.item_id);
    const cases: [RequestOf<'items:list'>, number[]][] = [
      [{ sort: 'age', direction: 'desc' }, expected.map((r) => r.item_id).sort((a, b) => b - a)],
      [{ sort: 'age', direction: 'asc' }, expected.map((r) => r.item_id).sort((a, b) => a - b)],
      [{ sort: 'priority', direction: 'desc' }, [...expected].sort(byPriority(-1)).map((r) => r.item_id)],
      [{ sort: 'priority', direction: 'asc' }, [...expected].sort(byPriority(1)).map((r) => r.item_id)],
    ];
    for (const [request, ids] of cases) {
      expect(
        (await allPages(app, { ...request, limit: 37 })).map((i) => i.id),
        JSON.stringify(request),
      ).toEqual(ids);
    }
  });

  it('lists exactly the items of each state and stage, in order, whichever index the query takes', async () => {
    const app = seeded(1_500);
    const db = app.store.db;
    const all = db.prepare(`SELECT item_id, state, stage FROM jobs ORDER BY item_id DESC`).all() as {
      item_id: number;
      state: string;
      stage: string;
    }[];
    for (const state of itemStates) {
      for (const stage of [undefined, ...stages]) {
        const expected = all.filter((r) => r.state === state && (!stage || r.stage === stage)).map((r) => r.item_id);
        const got = (await allPages(app, { state, stage, limit: 100 })).map((i) => i.id);
        expect(got, `${state} ${stage ?? ''}`).toEqual(expected);
        expect((await call(app, 'items:count', { state, stage })).count).toBe(expected.length);
      }
    }
  });

  it('jumps to an offset and goes on from there with the cursor it returns', async () => {
    const app = seeded(500);
    const all = await allPages(app, { sort: 'priority', limit: 500 });
    const jump = await call(app, 'items:list', { sort: 'priority', offset: 200, limit: 50 });
    expect(jump.items.map((i) => i.id)).toEqual(all.slice(200, 250).map((i) => i.id));
    const next = await call(app, 'items:list', { sort: 'priority', cursor: jump.nextCursor!, limit: 50 });
    expect(next.items.map((i) => i.id)).toEqual(all.slice(250, 300).map((i) => i.id));
  });

  it('finds items by any part of the file name, in any case, and counts what a filter matches', async () => {
    const app = seeded(2_000);
    const hits = await allPages(app, { q: 'CALL WITH ana', state: 'done', limit: 100 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((i) => i.fileName.includes('call with Ana') && i.state === 'done')).toBe(true);
    expect((await call(app, 'items:count', { q: 'CALL WITH ana', state: 'done' })).count).toBe(hits.length);
    // % and _ are plain characters, not wildcards.
    expect((await call(app, 'items:count', { q: '%' })).count).toBe(0);
    expect((await call(app, 'items:count', { q: '_' })).count).toBe(0);
    const dead = (await call(app, 'items:count', { state: 'dead' })).count;
    const groups = (await call(app, 'items:errorGroups', {})).groups;
    expect(groups.map((g) => g.code).sort()).toEqual(['AUDIO_UNDECODABLE', 'RECOVERY_EXHAUSTED', 'SOURCE_MISSING']);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(dead);
    expect(groups[0]!.count).toBeGreaterThanOrEqual(groups[1]!.count);
  });

  it('refuses a cursor from another sort, and a cursor together with an offset', async () => {
    const app = seeded(10);
    const page = await call(app, 'items:list', { sort: 'priority', limit: 2 });
    const wrong = await app.call('items:list', { sort: 'age', cursor: page.nextCursor! });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await app.call('items:list', { cursor: '5', offset: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});

describe('bulk actions', () => {
  it('retry all matching a filter requeues exactly the matching dead letters, each with its own event', async () => {
    const app = seeded(3_000);
    const group = (await call(app, 'items:errorGroups', {})).groups.find((g) => g.code === 'SOURCE_MISSING')!;
    const r = await call(app, 'items:bulk', {
      action: 'retry',
      target: { kind: 'filter', filter: { state: 'dead', errorCode: 'SOURCE_MISSING' } },
    });
    expect(r).toMatchObject({ action: 'retry', changed: group.count, skipped: 0, notFound: 0 });
    expect((await call(app, 'items:count', { state: 'dead', errorCode: 'SOURCE_MISSING' })).count).toBe(0);
    expect((await call(app, 'items:count', { state: 'dead' })).count).toBeGreaterThan(0);
    const retriedEvents = app.store.db
      .prepare(`SELECT count(*) FROM events WHERE type = 'retried' AND actor = 'user'`)
      .pluck()
      .get();
    expect(retriedEvents).toBe(group.count);
  });

  it('leaves out the items unticked after "select all matching"', async () => {
    const app = seeded(500);
    const dead = (await call(app, 'items:list', { state: 'dead', limit: 500 })).items;
    const keep = dead.slice(0, 2).map((i) => i.id);
    const r = await call(app, 'items:bulk', {
      action: 'discard',
      target: { kind: 'filter', filter: { state: 'dead' }, except: keep },
    });
    expect(r.changed).toBe(dead.length - 2);
    expect((await call(app, 'items:list', { state: 'dead' })).items.map((i) => i.id)).toEqual(keep);
  });

  it('applies to the ids it can, and says which it skipped and why', async () => {
    const app = seeded(200);
    const [dead] = (await call(app, 'items:list', { state: 'dead', limit: 1 })).items;
    const [done] = (await call(app, 'items:list', { state: 'done', limit: 1 })).items;
    const r = await call(app, 'items:bulk', {
      action: 'retry',
      target: { kind: 'ids', ids: [dead!.id, done!.id, 99_999] },
    });
    expect(r).toEqual({ action: 'retry', changed: 1, skipped: 1, skippedByState: { done: 1 }, notFound: 1 });
    const cancel = await call(app, 'items:bulk', { action: 'cancel', target: { kind: 'ids', ids: [dead!.id] } });
    expect(cancel.changed).toBe(1);
    const discard = await call(app, 'items:bulk', {
      action: 'discard',
      target: { kind: 'ids', ids: [dead!.id, done!.id] },
    });
    expect(discard.changed).toBe(2);
    expect((await call(app, 'items:get', { id: done!.id })).state).toBe('discarded');
  });
});
