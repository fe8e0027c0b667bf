import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../src/main/config/data-dir';
import { writeWav } from '../support/audio-files';
import { startServe } from '../support/serve-process';
import { runCli } from '../support/spawn';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

describe('kill -9 of lifeline serve while jobs are running', () => {
  it('puts every running job back in the queue before new work is claimed, and each completes exactly once', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    // Big enough that copying, hashing and fsyncing keeps ingest busy for a while.
    const files = Array.from({ length: 12 }, (_, i) =>
      writeWav(path.join(dir, `long-${i}.wav`), { seconds: 500, seed: i + 1 }),
    );
    const env = { LIFELINE_CONCURRENCY_INGEST: '2' };

    const first = await startServe(dataDir, env);
    const added = await runCli(dataDir, ['add', ...files]);
    expect(added.code, added.stderr).toBe(0);

    const db = new Database(dataPaths(dataDir).database, { readonly: true });
    const leases = () => db.prepare('SELECT item_id FROM leases').pluck().all() as number[];
    // Its worker took it (workers start on demand; until then the lease says its work has not begun).
    const begun = () => db.prepare('SELECT item_id FROM leases WHERE awaiting_worker_since IS NULL').pluck().all();
    await waitFor('a job to be running in its worker', () => begun().length > 0, 20_000, 2);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const running = leases();
    const ran = begun() as number[];
    expect(ran.length).toBeGreaterThan(0);
    const lastEventBefore = db.prepare('SELECT max(id) FROM events').pluck().get() as number;

    const second = await startServe(dataDir, env);
    expect(second.output()).toContain(
      `recovered ${running.length} ${running.length === 1 ? 'job' : 'jobs'} left running`,
    );
    await waitFor(
      'every item to leave ingest',
      () => (db.prepare(`SELECT count(*) FROM jobs WHERE stage = 'ingest'`).pluck().get() as number) === 0,
      60_000,
      50,
    );
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);

    const after = db
      .prepare('SELECT id, item_id, type, actor FROM events WHERE id > ? ORDER BY id')
      .all(lastEventBefore) as { id: number; item_id: number; type: string; actor: string }[];
    const putBack = after.filter((e) => e.actor === 'recovery' && (e.type === 'recovered' || e.type === 'released'));
    expect(putBack.map((e) => e.item_id).sort()).toEqual([...running].sort());
    // A job its worker had taken counts a recovery; one still waiting for its worker to start counts none.
    const recovered = after.filter((e) => e.type === 'recovered');
    expect(recovered.map((e) => e.item_id).sort()).toEqual([...ran].sort());
    const firstStart = after.find((e) => e.type === 'started')!;
    expect(Math.max(...putBack.map((e) => e.id))).toBeLessThan(firstStart.id);

    const succeeded = db
      .prepare(
        `SELECT item_id, count(*) AS n FROM events WHERE type = 'succeeded' AND stage = 'ingest' GROUP BY item_id`,
      )
      .all() as { item_id: number; n: number }[];
    expect(succeeded).toHaveLength(files.length);
    expect(succeeded.every((r) => r.n === 1)).toBe(true);
    expect(leases()).toEqual([]);
    db.close();
  }, 180_000);
});
