import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import { dataPaths } from '../../src/main/config/data-dir';
import { chaosEnv, seedChaosItems } from '../support/chaos-kills';
import { spawnTestServe, startTestServe } from '../support/test-serve-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// More kills than the recoveries a job may spend with the defaults a user has (maxRecoveries is not set here).
const kills = defaultConfig.maxRecoveries + 2;
// Each worker takes this long to start (a speech model loading): every kill lands while the job waits for it.
const env = { ...chaosEnv, LIFELINE_TEST_WORKER_START_MS: '3000' };

interface LeaseRow {
  owner: string;
  awaiting_worker_since?: number | null;
}

describe('chaos: the engine process is killed over and over while a job waits for its worker to start', () => {
  it(`spends none of the job's recoveries or attempts: after ${kills} kills the item completes, nothing dead-lettered`, async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedChaosItems(dataDir, 1);
    const db = new Database(dataPaths(dataDir).database, { readonly: true });
    const jobRow = db.prepare(`SELECT stage, state, attempts, recoveries, error_code, error_message FROM jobs`);
    const leaseOf = db.prepare(`SELECT * FROM leases WHERE owner LIKE ?`);
    const outputs = db.prepare(`SELECT count(*) FROM test_outputs`).pluck();
    const seen: LeaseRow[] = [];
    for (let k = 0; k < kills; k++) {
      const p = spawnTestServe(dataDir, env);
      await waitFor(
        `engine ${k + 1} to claim the job for a worker it starts`,
        () => {
          const job = jobRow.get() as { state: string; error_code: string | null };
          // What happened before the fix: the recoveries ran out and nothing was left to claim.
          if (job.state === 'dead') throw new Error(`the job became a dead letter: ${JSON.stringify(job)}`);
          return leaseOf.get(`%:${p.child.pid}:%`) as LeaseRow | undefined;
        },
        30_000,
        5,
      ).catch((err: unknown) => {
        p.child.kill('SIGKILL');
        throw err;
      });
      // Anywhere in the first part of the worker's start.
      await new Promise((r) => setTimeout(r, Math.random() * 500));
      p.child.kill('SIGKILL');
      const end = await p.done;
      expect(end.signal, p.output()).toBe('SIGKILL');
      // The lease the killed engine left, as the next engine's recovery will find it.
      seen.push(leaseOf.get(`%:${p.child.pid}:%`) as LeaseRow);
      // No worker ever got the job: nothing of its work ran.
      expect(outputs.get()).toBe(0);
    }

    const last = await startTestServe(dataDir, env);
    const done = await waitFor(
      'the item to be done',
      () => {
        const job = jobRow.get() as { state: string };
        if (job.state === 'dead') throw new Error(`the job became a dead letter: ${JSON.stringify(job)}`);
        return job.state === 'done' && job;
      },
      60_000,
      50,
    ).catch((err: unknown) => {
      last.child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${last.output().slice(-2000)}`);
    });
    last.child.kill('SIGTERM');
    expect((await last.done).code, last.output()).toBe(0);

    expect(done).toMatchObject({ stage: 'transcribe', state: 'done', recoveries: 0, error_code: null });
    expect(db.prepare(`SELECT count(*) FROM recovery_log`).pluck().get()).toBe(0);
    const events = db.prepare(`SELECT type, actor, stage, detail FROM events ORDER BY id`).all() as {
      type: string;
      actor: string;
      stage: string;
      detail: string | null;
    }[];
    // Each kill put the job back, saying why, with nothing counted…
    const back = events.filter((e) => e.type === 'released' && e.actor === 'recovery');
    expect(back).toHaveLength(kills);
    for (const e of back) expect(e.detail).toMatch(/its work had not begun.*no recovery counted$/);
    expect(events.filter((e) => e.type === 'dead' || e.type === 'recovered')).toEqual([]);
    // …and every claim of every stage was its first attempt: none was spent.
    const started = events.filter((e) => e.type === 'started');
    expect(started).toHaveLength(kills + 2);
    for (const e of started) expect(e.detail).toMatch(/^attempt 1 of /);
    expect(events.filter((e) => e.type === 'succeeded').map((e) => e.stage)).toEqual(['ingest', 'transcribe']);
    // The kills did land while the job waited for its worker (otherwise this test proves little).
    for (const l of seen) expect(l.awaiting_worker_since ?? null).not.toBeNull();
    db.close();
    // Seven engines and their workers start through tsx, each a second or more on a loaded 2-core
    // machine, and each worker here takes 3 s to start on purpose: the run takes 40–90 s.
  }, 240_000);
});
