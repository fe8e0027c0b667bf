import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/main/config/data-dir';
import { defaultConfig } from '../../src/main/config/config';
import { Queue } from '../../src/main/queue/queue';
import { openStore, type Store } from '../../src/main/store/store';
import { systemClock } from '../../src/main/time/clock';
import { tempDir } from '../support/temp-dir';
import { testItem } from '../support/lifeline-calls';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const c of open.splice(0).reverse()) c.close();
});

function addItem(store: Store, name: string): number {
  const queue = new Queue(store.queuePorts, {
    stageOrder: ['ingest'],
    policies: defaultConfig.stages,
    clock: systemClock,
  });
  return queue.add(testItem(name)).itemId;
}

/** The items a crash that lost the `-wal` would leave: the database file alone, copied now. */
function itemsInTheFileAlone(store: Store): string[] {
  const copy = path.join(tempDir(), 'after-crash.db');
  fs.copyFileSync(store.db.name, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare(`SELECT file_name FROM items ORDER BY id`).pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

describe('an acknowledged write is in the database file itself', () => {
  it('waits, without holding the event loop, while another process reads an older snapshot; then the write survives the loss of the -wal', async () => {
    const dir = path.join(tempDir(), 'data');
    const store = openStore(dataPaths(dir));
    open.push(store);
    addItem(store, 'before.wav');
    await store.durable();
    // A worker in the middle of a read: SQLite may not copy frames that reader may still need.
    const reader = new Database(store.db.name);
    open.push(reader);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM items').get();

    addItem(store, 'memo.wav');
    let acknowledged = false;
    const durable = store.durable().then(() => (acknowledged = true));
    // The event loop goes on meanwhile; the acknowledgement does not.
    await new Promise((r) => setTimeout(r, 50));
    expect(acknowledged).toBe(false);
    expect(itemsInTheFileAlone(store)).toEqual(['before.wav']);

    reader.prepare('COMMIT').run();
    await durable;
    expect(itemsInTheFileAlone(store)).toEqual(['before.wav', 'memo.wav']);
  });

  it('is acknowledged at once when nothing holds frames back', async () => {
    const store = openStore(dataPaths(path.join(tempDir(), 'data')));
    open.push(store);
    addItem(store, 'memo.wav');
    await store.durable();
    expect(itemsInTheFileAlone(store)).toEqual(['memo.wav']);
  });
});
