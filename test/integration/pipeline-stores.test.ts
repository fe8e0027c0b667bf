import { afterEach, describe, expect, it } from 'vitest';
import type { Memory } from '../../src/shared/contract';
import { MemoriesStore } from '../../src/main/store/memories-store';
import { SearchStore, toFtsQuery } from '../../src/main/store/search-store';
import { isLeaseLostError } from '../../src/main/store/lease-fence';
import { TranscriptsStore } from '../../src/main/store/transcripts-store';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

const open: { store: { close(): void } }[] = [];
afterEach(() => {
  for (const f of open.splice(0)) f.store.close();
});

function setup() {
  const f = queueFixture(tempDir());
  open.push(f);
  const { itemId } = f.queue.add(fakeItem());
  const job = f.queue.claim('ingest', 'test-owner')!;
  return {
    ...f,
    itemId,
    lease: { itemId, token: job.token },
    transcripts: new TranscriptsStore(f.store.db),
    memories: new MemoriesStore(f.store.db),
    search: new SearchStore(f.store.db),
  };
}

const memory = (text: string): Memory => ({
  kind: 'todo',
  text,
  at: null,
  allDay: false,
  repeats: null,
  source: { start: 1, end: 2, text },
});

describe('stage output stores', () => {
  it('refuse a write from a worker whose lease was taken over, and keep the newer attempt’s output', () => {
    const f = setup();
    f.memories.replace(f.lease, [memory('call Alice')], 'rules');
    // The job is recovered and claimed again: the first worker is presumed dead.
    f.queue.cancel(f.itemId);
    f.queue.retry(f.itemId);
    const again = f.queue.claim('ingest', 'second-owner')!;
    const newer = { itemId: f.itemId, token: again.token };
    f.memories.replace(newer, [memory('buy milk')], 'rules');

    const stale = [
      () => f.memories.replace(f.lease, [memory('stale')], 'rules'),
      () => f.transcripts.saveChunk(f.lease, 0, [{ start: 0, end: 1, text: 'stale' }], 'x', 0),
      () => f.transcripts.savePlan(f.lease, { sampleRate: 16000, totalFrames: 1, chunks: [[0, 1]] }, 0),
      () => f.search.replace(f.lease, [{ kind: 'transcript', text: 'stale', start: 0 }]),
    ];
    for (const write of stale) {
      let err: unknown;
      try {
        write();
      } catch (e: unknown) {
        err = e;
      }
      expect(isLeaseLostError(err)).toBe(true);
    }
    expect(f.memories.list(f.itemId).map((m) => m.text)).toEqual(['buy milk']);
    expect(f.transcripts.transcript(f.itemId)).toBeNull();
    expect(f.search.entries(f.itemId)).toBe(0);
  });

  it('replace memories and index entries on a re-run instead of adding to them', () => {
    const f = setup();
    f.memories.replace(f.lease, [memory('call Alice'), memory('buy milk')], 'rules');
    f.memories.replace(f.lease, [memory('call Alice'), memory('buy milk')], 'rules');
    expect(f.memories.list(f.itemId)).toHaveLength(2);
    f.search.replace(f.lease, [{ kind: 'todo', text: 'call Alice', start: 1 }]);
    f.search.replace(f.lease, [{ kind: 'todo', text: 'call Alice', start: 1 }]);
    expect(f.search.entries(f.itemId)).toBe(1);
  });

  it('keep chunks as checkpoints, and drop them when a new plan is saved', () => {
    const f = setup();
    f.transcripts.savePlan(
      f.lease,
      {
        sampleRate: 16000,
        totalFrames: 32000,
        chunks: [
          [0, 16000],
          [16000, 32000],
        ],
      },
      0,
    );
    f.transcripts.saveChunk(f.lease, 1, [{ start: 1.2, end: 1.8, text: 'world' }], 'e', 0);
    f.transcripts.saveChunk(f.lease, 0, [{ start: 0.1, end: 0.9, text: 'hello' }], 'e', 0);
    expect(f.transcripts.transcript(f.itemId)).toEqual({
      text: 'hello world',
      segments: [
        { start: 0.1, end: 0.9, text: 'hello' },
        { start: 1.2, end: 1.8, text: 'world' },
      ],
    });
    f.transcripts.savePlan(f.lease, { sampleRate: 16000, totalFrames: 32000, chunks: [[0, 32000]] }, 0);
    expect(f.transcripts.chunks(f.itemId)).toEqual([]);
  });

  it('rank search hits, with snippets, the item and the time offset, and survive FTS syntax in the query', () => {
    const f = setup();
    f.search.replace(f.lease, [
      { kind: 'transcript', text: 'we talked about the garden and the weather', start: 12.5 },
      { kind: 'todo', text: 'Water the garden (2026-01-15)', start: 30 },
    ]);
    const { hits, exactCount } = f.search.search('garden water', 10);
    expect(exactCount).toBe(1);
    expect(hits[0]).toMatchObject({
      itemId: f.itemId,
      kind: 'todo',
      start: 30,
      snippet: '[Water] the [garden] (2026-01-15)',
      match: 'all',
    });
    // The segment has "garden" only: after the every-word hit, as a close match.
    expect(hits.slice(1)).toMatchObject([{ kind: 'transcript', start: 12.5, match: 'close' }]);
    const kinds = (q: string) =>
      f.search
        .search(q, 10)
        .hits.filter((h) => h.match === 'all')
        .map((h) => h.kind)
        .sort();
    expect(kinds('garden')).toEqual(['todo', 'transcript']);
    expect(kinds('gard*')).toHaveLength(2);
    expect(kinds('("garden" : -')).toHaveLength(2);
    expect(kinds('garden OR')).toEqual([]); // "or" is a word to find, not an operator
    expect(f.search.search('***', 10).hits).toEqual([]);
    expect(toFtsQuery('hello, world!')).toBe('"hello" "world"');
  });
});
