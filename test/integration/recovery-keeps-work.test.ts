import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/main/config/config';
import { createLogger } from '../../src/main/log/logger';
import type { CheckpointSource, StageCheckpoint } from '../../src/main/recovery/checkpoint-source';
import { RecoveryManager } from '../../src/main/recovery/recovery-manager';
import { fakeItem, queueFixture } from '../support/queue-fixture';
import { tempDir } from '../support/temp-dir';

/** A transcription whose checkpoint the test moves by hand; `setsPartsAside` gives it the transcribe stage's way out. */
function transcription(setsPartsAside = false) {
  let checkpoint: StageCheckpoint | null = null;
  const kept: number[] = [];
  const setAside: string[] = [];
  const source: CheckpointSource = {
    checkpoint: () => checkpoint,
    keepValidCheckpoint: (itemId) => {
      kept.push(itemId);
      return { kept: 2, dropped: 0 };
    },
    isOutputComplete: () => false,
    ...(setsPartsAside && {
      setNextPartAside: (_itemId: number, reason: string) => {
        setAside.push(reason);
        return checkpoint?.nextPart ?? null;
      },
    }),
  };
  return { source, kept, setAside, at: (c: StageCheckpoint | null) => (checkpoint = c) };
}

function setup(setsPartsAside = false) {
  const f = queueFixture(tempDir());
  const t = transcription(setsPartsAside);
  const recovery = new RecoveryManager({
    store: f.store,
    queue: f.queue,
    owner: 'engine-test',
    clock: f.clock,
    config: () => defaultConfig,
    handlers: new Map([['transcribe', t.source]]),
    kill: () => true,
    log: createLogger(null, 'test'),
  });
  const id = f.queue.add(fakeItem()).itemId;
  f.queue.finish(f.queue.claim('ingest', 'engine-test')!, { kind: 'succeeded' });
  /** Claims the transcribe job and has its worker die on it. */
  const dieOnce = () => {
    const job = f.queue.claim('transcribe', 'engine-other')!;
    expect(job.itemId).toBe(id);
    return recovery.workerGone(id, job.token, 'worker exited with code 134')!;
  };
  const job = () =>
    f.store.db.prepare(`SELECT state, error_code, error_message FROM jobs WHERE item_id = ?`).get(id) as {
      state: string;
      error_code: string | null;
      error_message: string | null;
    };
  return { f, t, id, dieOnce, job };
}

describe('recovery keeps what is done', () => {
  it('makes a dead letter naming the part after the same chunk stopped the stage three times, without alternating resume and restart', () => {
    const s = setup();
    s.t.at({ percent: 60, nextPart: 'chunk 4 of 5 (1:30–2:00 of the audio)' });
    const strategies = [s.dieOnce(), s.dieOnce(), s.dieOnce()].map((r) => r.strategy);
    expect(strategies).toEqual(['resume', 'resume', 'escalate']);
    expect(s.job()).toMatchObject({ state: 'dead', error_code: 'PART_FAILED' });
    expect(s.job().error_message).toMatch(
      /^chunk 4 of 5 \(1:30–2:00 of the audio\) stopped the transcribe stage 3 times in a row .*; the parts before it are kept$/,
    );
    // Nothing stored was thrown away on the way.
    expect(s.t.kept).toEqual([]);
  });

  it('sets the part aside and resumes with the other parts, instead of a dead letter, when the stage can go past it', () => {
    const s = setup(true);
    s.t.at({ percent: 60, nextPart: 'chunk 4 of 5 (1:30–2:00 of the audio)' });
    const strategies = [s.dieOnce(), s.dieOnce(), s.dieOnce()].map((r) => r.strategy);
    expect(strategies).toEqual(['resume', 'resume', 'resume']);
    expect(s.job().state).toBe('queued');
    expect(s.t.setAside).toEqual([
      'stopped the transcribe stage 3 times in a row, the last time: worker process gone (worker exited with code 134)',
    ]);
    expect(s.f.store.recoveryLog.forItem(s.id).at(-1)!.detail).toBe(
      'chunk 4 of 5 (1:30–2:00 of the audio) stopped the stage 3 times in a row: it is set aside and the other parts go on',
    );
  });

  it('counts only tries that made no headway: a chunk done between two crashes starts the count again', () => {
    const s = setup();
    s.t.at({ percent: 20, nextPart: 'chunk 2 of 5' });
    expect(s.dieOnce().strategy).toBe('resume');
    expect(s.dieOnce().strategy).toBe('resume');
    s.t.at({ percent: 40, nextPart: 'chunk 3 of 5' });
    expect(s.dieOnce().strategy).toBe('resume');
    expect(s.dieOnce().strategy).toBe('resume');
    expect(s.job().state).toBe('queued');
  });

  it('says that no part is stored yet when a transcription stops before its first chunk, and restarts keeping what validates once there is something', () => {
    const s = setup();
    const first = s.dieOnce();
    expect(first.strategy).toBe('restart');
    expect(s.f.store.recoveryLog.forItem(s.id).at(-1)!.detail).toBe('no part of its output is stored yet');
    s.t.at({ percent: 2, nextPart: 'chunk 2 of 50' });
    expect(s.dieOnce().strategy).toBe('restart');
    expect(s.t.kept).toEqual([s.id]);
  });
});
