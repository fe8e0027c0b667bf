import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { repoRoot, spawnTs } from '../support/spawn';
import { tempDir } from '../support/temp-dir';

const jobs = 1200;

describe('two engine processes on one data dir', () => {
  it(`never run the same job twice across ${jobs} jobs`, async () => {
    const dir = tempDir();
    const f = queueFixture(dir);
    const ids = new Set<number>();
    for (let i = 0; i < jobs; i++) ids.add(f.queue.add(fakeItem()).itemId);
    f.store.close();

    const logs = [path.join(dir, 'runs-a.log'), path.join(dir, 'runs-b.log')];
    const script = path.join(repoRoot, 'test/support/engine-process.ts');
    const procs = logs.map((log) => spawnTs(script, [dir, log, '4']));
    const results = await Promise.all(procs.map((p) => p.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

    const runs = logs.map((log) => fs.readFileSync(log, 'utf8').trim().split('\n').map(Number));
    // Both processes did real work, so the claims really competed.
    expect(runs[0]!.length).toBeGreaterThan(jobs / 10);
    expect(runs[1]!.length).toBeGreaterThan(jobs / 10);
    const all = [...runs[0]!, ...runs[1]!];
    expect(all).toHaveLength(jobs);
    expect(new Set(all)).toEqual(ids);

    const check = queueFixture(dir);
    const perItem = check.store.db
      .prepare(
        `SELECT item_id, sum(type = 'started') AS started, sum(type = 'succeeded') AS succeeded FROM events GROUP BY item_id`,
      )
      .all() as { started: number; succeeded: number }[];
    expect(perItem).toHaveLength(jobs);
    expect(perItem.every((r) => r.started === 1 && r.succeeded === 1)).toBe(true);
    expect(check.store.reads.overview().totals.done).toBe(jobs);
    check.store.close();
  });
});
