import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../config/data-dir';
import { openStore } from './store';
import { tempDir } from '../../../test/support/temp-dir';

const enqueue = (store: ReturnType<typeof openStore>, now: number) =>
  store.queuePorts.schedule.enqueue(
    {
      sha256: crypto.randomBytes(32).toString('hex'),
      sourcePath: '/t/a.wav',
      fileName: 'a.wav',
      sizeBytes: 1,
      priority: 0,
    },
    { stage: 'ingest', maxAttempts: 3, runAt: now },
    now,
    { type: 'added', actor: 'user', detail: null },
  );

describe('overview counts', () => {
  it('answer again from the last scan until this connection or another one writes', () => {
    const dir = path.join(tempDir(), 'data');
    const store = openStore(dataPaths(dir));
    const other = openStore(dataPaths(dir));
    try {
      enqueue(store, 1);
      expect(store.reads.overview().totals.queued).toBe(1);
      expect(store.reads.overview().items).toBe(1);
      enqueue(store, 2);
      expect(store.reads.overview().totals.queued).toBe(2);
      enqueue(other, 3);
      expect(store.reads.overview().totals.queued).toBe(3);
      // A caller changing the answer it got does not change the next one.
      store.reads.overview().totals.queued = 99;
      expect(store.reads.overview().totals.queued).toBe(3);
    } finally {
      other.close();
      store.close();
    }
  });

  it('counts every state at every stage, done ones at the last stage and at earlier ones alike', () => {
    const dir = path.join(tempDir(), 'data');
    const store = openStore(dataPaths(dir));
    try {
      for (let i = 1; i <= 7; i++) enqueue(store, i);
      const set = store.db.prepare(`UPDATE jobs SET stage = @stage, state = @state WHERE item_id = @id`);
      set.run({ id: 1, stage: 'index', state: 'done' });
      set.run({ id: 2, stage: 'index', state: 'done' });
      set.run({ id: 3, stage: 'extract', state: 'done' });
      set.run({ id: 4, stage: 'index', state: 'dead' });
      set.run({ id: 5, stage: 'transcribe', state: 'waiting' });
      const o = store.reads.overview();
      expect(o.items).toBe(7);
      expect(o.byStage.index).toMatchObject({ done: 2, dead: 1 });
      expect(o.byStage.extract).toMatchObject({ done: 1 });
      expect(o.byStage.transcribe).toMatchObject({ waiting: 1 });
      expect(o.byStage.ingest).toMatchObject({ queued: 2, done: 0 });
      expect(o.totals).toMatchObject({ done: 3, dead: 1, waiting: 1, queued: 2 });
    } finally {
      store.close();
    }
  });
});
