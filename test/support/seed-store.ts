import crypto from 'node:crypto';
import { dataPaths } from '../../src/main/config/data-dir';
import { openStore } from '../../src/main/store/store';

/**
 * A store of `n` finished items, each with a two-segment transcript, two memories and their search
 * rows, written in one transaction (seconds for 10,000) rather than run through the pipeline.
 */
export function seedFinishedItems(dataDir: string, n: number): void {
  const store = openStore(dataPaths(dataDir));
  const db = store.db;
  const now = Date.now();
  const p = {
    item: db.prepare(
      `INSERT INTO items (sha256, source_path, file_name, size_bytes, stored_path, created_at) VALUES (?, ?, ?, ?, NULL, ?)`,
    ),
    job: db.prepare(
      `INSERT INTO jobs (item_id, stage, state, run_at, max_attempts, updated_at) VALUES (?, 'index', 'done', ?, 3, ?)`,
    ),
    event: db.prepare(`INSERT INTO events (item_id, at, type, stage, actor) VALUES (?, ?, 'added', 'ingest', 'user')`),
    chunk: db.prepare(
      `INSERT INTO transcript_chunks (item_id, chunk_index, segments, engine, done_at) VALUES (?, 0, ?, 'seed', ?)`,
    ),
    memory: db.prepare(`INSERT INTO memories (item_id, kind, text, at, extractor) VALUES (?, ?, ?, NULL, 'seed')`),
    search: db.prepare(`INSERT INTO search_index (text, item_id, kind, start_sec) VALUES (?, ?, ?, ?)`),
  };
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const id = Number(
        p.item.run(crypto.randomBytes(32), `/seed/${i}.wav`, `${i}.wav`, 1000 + i, now).lastInsertRowid,
      );
      p.job.run(id, now, now);
      p.event.run(id, now);
      const text = `call the plumber about leak number ${i}`;
      p.chunk.run(
        id,
        JSON.stringify([
          { start: 0, end: 2, text },
          { start: 2, end: 4, text: `buy ${i} apples` },
        ]),
        now,
      );
      p.memory.run(id, 'todo', `call the plumber (${i})`);
      p.memory.run(id, 'fact', `${i} apples were bought`);
      p.search.run(text, id, 'transcript', 0);
      p.search.run(`call the plumber (${i})`, id, 'todo', 0);
    }
  })();
  store.close();
}

/** Row counts that a backup, a restore and a rebuild must keep. */
export function storeCounts(dataDir: string): Record<string, number> {
  const store = openStore(dataPaths(dataDir));
  try {
    const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    return {
      items: count(`SELECT count(*) FROM items`),
      done: count(`SELECT count(*) FROM jobs WHERE state = 'done'`),
      events: count(`SELECT count(*) FROM events`),
      transcriptChunks: count(`SELECT count(*) FROM transcript_chunks`),
      memories: count(`SELECT count(*) FROM memories`),
      searchHits: count(`SELECT count(*) FROM search_index WHERE search_index MATCH 'plumber'`),
    };
  } finally {
    store.close();
  }
}
