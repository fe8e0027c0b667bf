import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lifeline } from '../../src/main/lifeline';
import { inProcessLifelines } from '../support/in-process-lifeline';
import { runCliHere } from '../support/cli-in-process';
import { tempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { callOk } from '../support/lifeline-calls';

const lifelines = inProcessLifelines();
const open = () => lifelines.open();
const add = lifelines.add;
const summary = (app: Lifeline, id: number) => app.store.reads.summary(id)!;

describe('pause and resume', () => {
  it('Pause all holds every stage with the reason on each item, spends no attempt, and Resume all lets them through', async () => {
    const app = open();
    await app.start();
    const all = await callOk(app, 'stages:pauseAll', {});
    expect(all.stages.map((s) => [s.stage, s.paused, s.heldBy])).toEqual([
      ['ingest', true, 'Ingest is paused by you'],
      ['transcribe', true, 'Transcribe is paused by you'],
    ]);
    const ids = [add(app, 'a.wav'), add(app, 'b.wav')];
    app.engine!.wake();
    await waitFor('both to wait', () => ids.every((id) => summary(app, id).state === 'waiting'));
    expect(summary(app, ids[0]!)).toMatchObject({ waitReason: 'Ingest is paused by you', attempts: 0 });
    // A pause is the user's choice: health stays green and says so in a note.
    const health = await callOk(app, 'health:check', {});
    expect(health.overall).toBe('green');
    expect(health.notes).toContain(
      'Queue: Ingest is paused by you, 2 waiting; Transcribe is paused by you, 0 waiting; nothing runnable is waiting',
    );

    const resumed = await callOk(app, 'stages:resumeAll', {});
    expect(resumed.stages.every((s) => !s.paused && s.heldBy === null)).toBe(true);
    await waitFor('both done', () => ids.every((id) => summary(app, id).state === 'done'), 20_000);
  });

  it('a stage stopped by a concurrency of 0 says so on its waiting items, and starts again when raised', async () => {
    const app = open();
    await app.start();
    await callOk(app, 'stages:setConcurrency', { stage: 'ingest', limit: 0 });
    const id = add(app, 'c.wav');
    app.engine!.wake();
    await waitFor('the item to wait', () => summary(app, id).state === 'waiting');
    expect(summary(app, id).waitReason).toBe(
      'Ingest is stopped: it may run 0 jobs at once; raise its concurrency in Settings to start it',
    );
    const stats = await callOk(app, 'queue:stats', { stage: 'ingest' });
    expect(stats.stages[0]).toMatchObject({ concurrency: 0, paused: false, heldBy: summary(app, id).waitReason });
    await callOk(app, 'stages:setConcurrency', { stage: 'ingest', limit: 2 });
    await waitFor('the item done', () => summary(app, id).state === 'done', 20_000);
  });

  it('lifeline pause [stage] and lifeline resume [stage] switch the same pauses from a terminal', async () => {
    const data = path.join(tempDir(), 'data');
    const one = await runCliHere(data, ['pause', 'transcribe']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.trim()).toBe('transcribe  Transcribe is paused by you, 0 waiting');
    const status = await runCliHere(data, ['status']);
    expect(status.stdout).toContain('transcribe  Transcribe is paused by you, 0 waiting');
    // With no engine running, health still reads the pause from the settings: paused, never idle.
    const health = await runCliHere(data, ['health']);
    expect(health.stdout).toMatch(/Queue \(optional\)\s+paused\s.*Transcribe is paused by you, 0 waiting/);
    const all = await runCliHere(data, ['pause', '--json']);
    const paused = JSON.parse(all.stdout) as { stages: { stage: string; paused: boolean }[] };
    expect(paused.stages.every((s) => s.paused)).toBe(true);
    const back = await runCliHere(data, ['resume']);
    expect(back.stdout.trim().split('\n')).toEqual([
      'ingest      runs',
      'transcribe  runs',
      'extract     runs',
      'index       runs',
    ]);
    const bad = await runCliHere(data, ['pause', 'transcode']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'lifeline: "transcode" is not a stage; the stages are ingest, transcribe, extract, index',
    );
  });
});
