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
});
