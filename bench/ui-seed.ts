import type { SqliteDatabase } from '../src/main/store/database';

/**
 * How the seeded items are spread over states, like a store that has been in use for a while:
 * mostly done, some waiting for a service, a few dead letters with a handful of error codes.
 */
const mix: { state: string; stage: string; share: number; error?: [string, string] }[] = [
  { state: 'done', stage: 'index', share: 0.8 },
  { state: 'waiting', stage: 'transcribe', share: 0.1 },
  { state: 'queued', stage: 'ingest', share: 0.02 },
  { state: 'cancelled', stage: 'transcribe', share: 0.02 },
  { state: 'discarded', stage: 'ingest', share: 0.02 },
  {
    state: 'dead',
    stage: 'ingest',
    share: 0.02,
    error: ['AUDIO_UNDECODABLE', 'is not decodable audio: no RIFF/WAVE header'],
  },
  {
    state: 'dead',
    stage: 'ingest',
    share: 0.01,
    error: ['SOURCE_MISSING', 'no longer exists; it was moved or deleted before it could be copied'],
  },
  {
    state: 'dead',
    stage: 'transcribe',
    share: 0.01,
    error: ['RECOVERY_EXHAUSTED', 'the transcribe stage stopped 6 times without finishing'],
  },
];

/**
 * Seeds `count` items with their jobs and one event each, straight in SQL (one transaction): the
 * bench measures the UI over a big store, not how fast items can be added. Deterministic.
 */
export function seedItems(db: SqliteDatabase, count: number, now = Date.now()): void {
  const insertItem = db.prepare(
    `INSERT INTO items (id, sha256, source_path, file_name, size_bytes, stored_path, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO jobs (item_id, stage, state, priority, run_at, attempts, max_attempts, error_code, error_message, updated_at, last_event_id)
     VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (item_id, at, type, stage, actor, detail) VALUES (?, ?, 'added', 'ingest', 'user', ?)`,
  );
  const sha = Buffer.alloc(32);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const topics = [
    'memo',
    'standup',
    'call with Ana',
    'groceries',
    'idea',
    'lecture',
    'walk',
    'interview',
    'podcast notes',
    'dentist',
  ];
  db.transaction(() => {
    for (let id = 1; id <= count; id++) {
      let r = random();
      const kind = mix.find((m) => (r -= m.share) < 0) ?? mix[0]!;
      const createdAt = now - (count - id) * 60_000;
      const day = new Date(createdAt).toISOString().slice(0, 10);
      const name = `${day} ${topics[id % topics.length]} ${id}.wav`;
      sha.writeUInt32BE(id, 0);
      sha.writeUInt32BE(0x11f3 * id, 4);
      const file = `/home/me/Recordings/${name}`;
      insertItem.run(id, sha, file, name, 100_000 + ((id * 7919) % 5_000_000), createdAt);
      const priority = id % 17 === 0 ? 10 : id % 5 === 0 ? -5 : 0;
      const error = kind.error;
      // The event first: the job row starts the item's event chain at it (migration 0007).
      const eventId = insertEvent.run(id, createdAt, file).lastInsertRowid;
      insertJob.run(
        id,
        kind.stage,
        kind.state,
        priority,
        createdAt,
        kind.state === 'dead' ? 3 : 0,
        error?.[0] ?? null,
        error ? `${name} ${error[1]}` : null,
        createdAt + 1000,
        eventId,
      );
    }
  })();
}
