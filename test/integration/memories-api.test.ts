import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryEntry, type ChannelName, type Memory, type RequestOf, type ResponseOf } from '../../src/shared/contract';
import { openLifeline, type Lifeline } from '../../src/main/lifeline';
import { MemoriesStore } from '../../src/main/store/memories-store';
import { SearchStore } from '../../src/main/store/search-store';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { runCliHere } from '../support/cli-in-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const opened: Lifeline[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) {
    await app.close(0);
    await waitFor('the log file', () => fs.existsSync(path.join(app.paths.logs, 'lifeline.log')));
  }
});

const todo = (text: string, start: number, at: string | null = null): Memory => ({
  kind: 'todo',
  text,
  at,
  allDay: false,
  repeats: null,
  source: { start, end: start + 2, text },
});
const fact = (text: string, start: number): Memory => ({
  kind: 'fact',
  text,
  at: null,
  allDay: false,
  repeats: null,
  source: { start, end: start + 2, text },
});
const person = (text: string): Memory => ({
  kind: 'person',
  text,
  at: null,
  allDay: false,
  repeats: null,
  source: null,
});

/**
 * A real SQLite store with three recordings whose extraction stored memories (written through the
 * fenced store, as the extract stage does), the third one then discarded.
 */
function storeWithMemories(): string {
  const dataDir = path.join(tempDir(), 'data');
  const f = queueFixture(dataDir);
  try {
    const memories = new MemoriesStore(f.store.db);
    const search = new SearchStore(f.store.db);
    const perItem: Memory[][] = [
      [todo('call the dentist', 4.5, '2026-01-15T15:00:00.000Z'), fact('the garden needs water', 9), person('Alice')],
      [fact('the flight leaves at six', 1.2), todo('buy milk', 3)],
      [todo('a discarded to-do', 0)],
    ];
    const ids: number[] = [];
    for (let i = 0; i < perItem.length; i++) {
      f.queue.add(fakeItem(`memo-${i + 1}.wav`));
      const job = f.queue.claim('ingest', 'test')!;
      ids.push(job.itemId);
      memories.replace(job, perItem[i]!, 'rules');
      search.replace(
        job,
        perItem[i]!.map((m) => ({
          kind: m.kind,
          text: m.at ? `${m.text} (${m.at.slice(0, 10)})` : m.text,
          start: m.source?.start ?? null,
        })),
      );
    }
    f.queue.discard(ids[2]!);
  } finally {
    f.store.close();
  }
  return dataDir;
}

function open(dataDir: string): Lifeline {
  const app = openLifeline({ dataDir, withEngine: false, processName: 'test', env: {} });
  opened.push(app);
  return app;
}

async function call<C extends ChannelName>(app: Lifeline, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await app.call(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('the memories API over a real SQLite file', () => {
  it('lists memories newest recording first, in transcript order, a page at a time, without discarded items', async () => {
    const app = open(storeWithMemories());
    const all = await call(app, 'memories:list', {});
    expect(all.total).toBe(5);
    expect(all.nextCursor).toBeNull();
    expect(all.memories.map((m) => `${m.fileName} ${m.text}`)).toEqual([
      'memo-2.wav the flight leaves at six',
      'memo-2.wav buy milk',
      'memo-1.wav call the dentist',
      'memo-1.wav the garden needs water',
      'memo-1.wav Alice',
    ]);
    expect(all.memories[2]).toMatchObject({
      kind: 'todo',
      at: '2026-01-15T15:00:00.000Z',
      source: { start: 4.5, end: 6.5 },
    });
    expect(all.memories[4]).toMatchObject({ kind: 'person', source: null, at: null });

    const texts: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(app, 'memories:list', { limit: 2, cursor });
      texts.push(...page.memories.map((m) => m.text));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(texts).toEqual(all.memories.map((m) => m.text));
  });

  it('filters by kind, and refuses a cursor it did not make', async () => {
    const app = open(storeWithMemories());
    const todos = await call(app, 'memories:list', { kind: 'todo' });
    expect(todos.memories.map((m) => m.text)).toEqual(['buy milk', 'call the dentist']);
    expect(todos.total).toBe(2);
    expect((await call(app, 'memories:list', { kind: 'event' })).memories).toEqual([]);
    const bad = await app.call('memories:list', { cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('searches one kind only, with a safely marked snippet and the memory’s date', async () => {
    const app = open(storeWithMemories());
    const { hits } = await call(app, 'search:query', { query: 'dentist' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      kind: 'todo',
      start: 4.5,
      at: '2026-01-15T15:00:00.000Z',
      snippet: 'call the [dentist] (2026-01-15)',
      marked: 'call the \u0002dentist\u0003 (2026-01-15)',
    });
    expect((await call(app, 'search:query', { query: 'the', kind: 'fact' })).hits.map((h) => h.text).sort()).toEqual([
      'the flight leaves at six',
      'the garden needs water',
    ]);
    expect((await call(app, 'search:query', { query: 'discarded' })).hits).toEqual([]);
  });

  it('answers `lifeline memories --kind todo --json` and a table without --json', async () => {
    const dataDir = storeWithMemories();
    const r = await runCliHere(dataDir, ['memories', '--kind', 'todo', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const listed = MemoryEntry.array().parse(JSON.parse(r.stdout));
    expect(listed.map((m) => m.text)).toEqual(['buy milk', 'call the dentist']);

    const table = await runCliHere(dataDir, ['memories']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^item\s+at\s+kind\s+due\s+file\s+memory\n/);
    // The due time on the reader's clock, as `lifeline upcoming` prints it.
    const due = new Date('2026-01-15T15:00:00.000Z');
    const clock = `${String(due.getHours()).padStart(2, '0')}:${String(due.getMinutes()).padStart(2, '0')}`;
    expect(table.stdout).toMatch(
      new RegExp(`^1 +0:04 +todo +\\w{3} 2026-01-\\d\\d ${clock} +memo-1.wav +call the dentist$`, 'm'),
    );

    const wrong = await runCliHere(dataDir, ['memories', '--kind', 'chore']);
    expect(wrong.code).toBe(1);
  });
});
