import Database from 'better-sqlite3';

/**
 * The floor: the least a durable SQLite queue can do for one job's lifecycle with an audit trail —
 * a jobs table with a claim index, an events table, WAL, one transaction per step (enqueue, claim,
 * complete), statements prepared once. Lifeline is measured against it.
 */
export function createFloorQueue(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE jobs (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, state TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_expires_at INTEGER, created_at INTEGER NOT NULL, finished_at INTEGER) STRICT;
    CREATE INDEX jobs_claim ON jobs (priority DESC, id) WHERE state = 'queued';
    CREATE TABLE events (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL) STRICT;
  `);
  const insertJob = db.prepare(`INSERT INTO jobs (payload, state, created_at) VALUES (?, 'queued', ?)`);
  const insertEvent = db.prepare(`INSERT INTO events (job_id, at, type) VALUES (?, ?, ?)`);
  const claimJob =
    db.prepare(`UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?
    WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY priority DESC, id LIMIT 1) RETURNING id`);
  const completeJob =
    db.prepare(`UPDATE jobs SET state = 'succeeded', finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
    WHERE id = ? AND state = 'running'`);
  const enqueue = db.transaction((payload: string) => {
    const now = Date.now();
    const id = insertJob.run(payload, now).lastInsertRowid;
    insertEvent.run(id, now, 'added');
  });
  const claim = db.transaction((owner: string) => {
    const now = Date.now();
    const row = claimJob.get(owner, now + 30_000) as { id: number } | undefined;
    if (row) insertEvent.run(row.id, now, 'started');
    return row?.id;
  });
  const complete = db.transaction((id: number) => {
    const now = Date.now();
    completeJob.run(now, id);
    insertEvent.run(id, now, 'succeeded');
  });
  return {
    enqueue: (payload: string) => enqueue.immediate(payload),
    claim: (owner: string) => claim.immediate(owner),
    complete: (id: number) => complete.immediate(id),
    close: () => db.close(),
  };
}
