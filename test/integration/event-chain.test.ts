import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { stages, type Stage } from '../../src/shared/contract';
import type { ClaimedJob } from '../../src/main/queue/queue-store';
import type { RecoveryPlan } from '../../src/main/queue/queue';
import { openDatabase } from '../../src/main/store/database';
import { migrate } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { storeOn, type Store } from '../../src/main/store/store';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

/**
 * An item's timeline is a walk back along `prev_id` from its job row (migration 0007), not an index
 * scan. These tests compare that walk with a plain scan of the events table for every item, after
 * every way there is of writing an event, after the migration and after retention.
 */
function scanned(store: Store, itemId: number): number[] {
  return store.db.prepare(`SELECT id FROM events WHERE item_id = ? ORDER BY id`).pluck().all(itemId) as number[];
}
function walked(store: Store, itemId: number): number[] {
  return store.reads.detail(itemId)!.events.map((e) => e.id);
}
function expectEveryTimelineWhole(store: Store): number {
  const ids = store.db.prepare(`SELECT id FROM items ORDER BY id`).pluck().all() as number[];
  let events = 0;
  for (const id of ids) {
    const full = scanned(store, id);
    expect(walked(store, id), `item ${id}`).toEqual(full);
    events += full.length;
  }
  return events;
}

/** A small deterministic random source, so a failure can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

const transient = { kind: 'failed', failure: { code: 'IO_EBUSY', message: 'busy', permanent: false } } as const;
const permanent = {
  kind: 'failed',
  failure: { code: 'AUDIO_UNDECODABLE', message: 'not audio', permanent: true },
} as const;
const plans: RecoveryPlan[] = [
  { strategy: 'restart', why: 'worker lost', summary: { code: 'WORKER_LOST', message: 'worker lost' } },
  { strategy: 'validate', why: 'output complete' },
  { strategy: 'escalate', why: 'too many recoveries', error: { code: 'RECOVERY_EXHAUSTED', message: 'gave up' } },
];

describe("an item's event chain", () => {
  it('stays whole through every way an event is written, interleaved across items', () => {
    const f = queueFixture(tempDir());
    const random = seeded(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const running: ClaimedJob[] = [];
    const discarded: ReturnType<typeof fakeItem>[] = [];
    const items: number[] = [];
    for (let step = 0; step < 1_500; step++) {
      const r = random();
      const stage: Stage = pick(stages);
      if (r < 0.15 || items.length < 3) {
        const item = discarded.length && random() < 0.3 ? discarded.pop()! : fakeItem();
        items.push(f.queue.add(item).itemId);
      } else if (r < 0.4) {
        const job = f.queue.claim(stage, 'w1');
        if (job) running.push(job);
      } else if (r < 0.6 && running.length) {
        const job = running.splice(Math.floor(random() * running.length), 1)[0]!;
        const outcome = pick([{ kind: 'succeeded' } as const, { kind: 'succeeded' } as const, transient, permanent]);
        if (random() < 0.5) {
          const { next } = f.queue.finishAndClaim(job, outcome, job.stage);
          if (next) running.push(next);
        } else {
          f.queue.finish(job, outcome);
        }
      } else if (r < 0.65 && running.length) {
        const job = running.pop()!;
        const lease = f.queue.leases.one(job.itemId);
        if (lease) f.queue.recover(lease, pick(plans));
      } else if (r < 0.68 && running.length) {
        f.queue.release(running.pop()!, 'shutting down');
      } else if (r < 0.75) {
        f.clock.advance(5_000);
        f.queue.promoteDue();
      } else if (r < 0.8) {
        f.queue.park(stage, 'breaker open');
        if (random() < 0.7) f.queue.unpark(stage);
      } else if (r < 0.85) {
        f.queue.cancel(pick(items));
      } else if (r < 0.9) {
        f.queue.retry(pick(items));
      } else if (r < 0.92) {
        f.queue.retryAllDead();
      } else if (r < 0.95) {
        const id = pick(items);
        if (f.queue.discard(id) === 'discarded') {
          const row = f.store.db.prepare(`SELECT sha256, source_path FROM items WHERE id = ?`).get(id) as {
            sha256: Buffer;
            source_path: string;
          };
          discarded.push({ ...fakeItem(), sha256: row.sha256.toString('hex'), sourcePath: row.source_path });
        }
      } else {
        f.queue.appendOwedEvent(pick(items), stage, f.clock.now(), {
          type: 'suspend_detected',
          actor: 'recovery',
          detail: 'slept',
        });
      }
    }
    const events = expectEveryTimelineWhole(f.store);
    expect(events).toBeGreaterThan(1_000);
  });

  it('is built for the events of a store written before it existed (migration 0007)', () => {
    // A store at schema 6, written the old way: interleaved events of three items.
    const file = path.join(tempDir(), 'v6.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 6));
    old.exec(`INSERT INTO items (id, sha256, source_path, file_name, size_bytes, created_at) VALUES
                (1, x'01', '/a.wav', 'a.wav', 1, 0), (2, x'02', '/b.wav', 'b.wav', 1, 0), (3, x'03', '/c.wav', 'c.wav', 1, 0);
              INSERT INTO jobs (item_id, stage, state, run_at, max_attempts, updated_at) VALUES
                (1, 'index', 'done', 0, 3, 0), (2, 'ingest', 'queued', 0, 3, 0), (3, 'ingest', 'dead', 0, 3, 0);
              INSERT INTO events (item_id, at, type, actor) VALUES
                (1, 1, 'added', 'user'), (2, 2, 'added', 'user'), (1, 3, 'started', 'engine'), (3, 4, 'added', 'user'),
                (1, 5, 'succeeded', 'engine'), (3, 6, 'dead', 'engine'), (1, 7, 'started', 'engine'), (1, 8, 'succeeded', 'engine');`);
    old.close();
    const store = storeOn(openDatabase(file));
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(store.reads.detail(1)!.events.map((e) => e.type)).toEqual([
      'added',
      'started',
      'succeeded',
      'started',
      'succeeded',
    ]);
    expect(store.reads.detail(2)!.events.map((e) => e.type)).toEqual(['added']);
    expect(expectEveryTimelineWhole(store)).toBe(8);
    // New events go on the chain the migration built.
    store.queuePorts.emergency.appendEvent(2, 'ingest', 9, { type: 'retried', actor: 'user' });
    expect(store.reads.detail(2)!.events.map((e) => e.type)).toEqual(['added', 'retried']);
    store.close();
  });

  it('is relinked when retention drops routine events, including an item whose newest event was routine', () => {
    const f = queueFixture(tempDir());
    const ids = [f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId, f.queue.add(fakeItem()).itemId];
    // Interleave the items' runs, with a failure and a breaker pause, until all are done.
    f.queue.park('ingest', 'breaker open');
    f.queue.unpark('ingest');
    let first = true;
    for (const stage of stages) {
      const jobs = ids.map(() => f.queue.claim(stage, 'w1')!);
      for (const job of jobs) {
        if (first) {
          f.queue.finish(job, transient);
          f.clock.advance(60_000);
          f.queue.promoteDue();
          f.queue.finish(f.queue.claim(stage, 'w1')!, { kind: 'succeeded' });
          first = false;
        } else {
          f.queue.finish(job, { kind: 'succeeded' });
        }
      }
    }
    f.queue.appendOwedEvent(ids[2]!, 'index', f.clock.now(), {
      type: 'resumed',
      actor: 'engine',
      detail: 'routine, and the newest',
    });
    const before = ids.map((id) => f.store.reads.detail(id)!.events);
    expect(before.every((events) => events.some((e) => e.type === 'started'))).toBe(true);

    f.clock.advance(2 * 86_400_000);
    const removed = f.store.maintenance.cleanup(f.clock.now() - 86_400_000).events;

    const routine = new Set(['started', 'due', 'waiting', 'resumed', 'released']);
    const kept = before.map((events) => events.filter((e) => !routine.has(e.type)).map((e) => e.id));
    expect(removed).toBe(before.flat().length - kept.flat().length);
    ids.forEach((id, i) => expect(walked(f.store, id)).toEqual(kept[i]));
    expectEveryTimelineWhole(f.store);
    // Nothing left to trim: a second pass changes nothing.
    expect(f.store.maintenance.cleanup(f.clock.now() - 86_400_000).events).toBe(0);
  });
});
