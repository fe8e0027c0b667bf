import { describe, expect, it } from 'vitest';
import { chooseStrategy, type StrategyInput } from './recovery-strategy-policy';

const base: StrategyInput = {
  workBegun: true,
  recoveries: 0,
  maxRecoveries: 5,
  progressPercent: null,
  keepsCheckpoint: false,
  checkpoint: null,
  outputComplete: false,
  recoveriesWithoutHeadway: 0,
  maxPartTries: 3,
  setsPartsAside: false,
  resumeMinProgressPercent: 5,
};
const transcribe: StrategyInput = { ...base, keepsCheckpoint: true };

describe('chooseStrategy', () => {
  it('puts back a job whose work never began, past every limit, and never escalates it', () => {
    const waited = { ...transcribe, workBegun: false, checkpoint: { percent: 60 }, recoveriesWithoutHeadway: 2 };
    expect(chooseStrategy({ ...waited, recoveries: 5 })).toEqual({
      strategy: 'requeue',
      because: 'its work had not begun: it was waiting for its worker to start',
    });
    // The same job once its work began counts as any other.
    expect(chooseStrategy({ ...waited, workBegun: true, recoveries: 5 }).strategy).toBe('escalate');
  });

  it('validates and keeps finished work even on the last recovery', () => {
    expect(chooseStrategy({ ...base, outputComplete: true, recoveries: 5 }).strategy).toBe('validate');
  });

  it('escalates to dead letters once the recoveries are used up', () => {
    expect(chooseStrategy({ ...base, recoveries: 5 })).toEqual({
      strategy: 'escalate',
      because: 'already recovered 5 times (limit 5)',
    });
  });

  it('restarts a stage that keeps no checkpoint', () => {
    expect(chooseStrategy({ ...base, progressPercent: 80 })).toEqual({
      strategy: 'restart',
      because: 'the stage keeps no checkpoint',
    });
  });

  it('says that nothing is stored yet, not that the stage keeps no checkpoint, for a transcription stopped before its first chunk', () => {
    expect(chooseStrategy(transcribe)).toEqual({ strategy: 'restart', because: 'no part of its output is stored yet' });
  });

  it('resumes from a checkpoint with meaningful progress', () => {
    expect(chooseStrategy({ ...transcribe, checkpoint: { percent: 40 }, progressPercent: 45 })).toEqual({
      strategy: 'resume',
      because: 'a checkpoint at 40% exists',
    });
  });

  it('restarts, keeping what validates, when the progress is too small to be worth resuming', () => {
    expect(chooseStrategy({ ...transcribe, checkpoint: { percent: 2 }, progressPercent: 3 })).toMatchObject({
      strategy: 'restart',
      because: expect.stringContaining('are kept'),
    });
  });

  it('resumes again after a resume that made no headway, never alternating with a restart', () => {
    const stuck = { ...transcribe, checkpoint: { percent: 60, nextPart: 'chunk 4 of 5 (1:30–2:00)' } };
    expect(chooseStrategy({ ...stuck, recoveries: 1, recoveriesWithoutHeadway: 1 }).strategy).toBe('resume');
  });

  it('makes a dead letter naming the part once the same part stopped the stage three times in a row', () => {
    const stuck = { ...transcribe, checkpoint: { percent: 60, nextPart: 'chunk 4 of 5 (1:30–2:00)' } };
    expect(chooseStrategy({ ...stuck, recoveries: 2, recoveriesWithoutHeadway: 2 })).toEqual({
      strategy: 'escalate',
      because: 'chunk 4 of 5 (1:30–2:00) stopped the stage 3 times in a row',
      failedPart: 'chunk 4 of 5 (1:30–2:00)',
    });
    expect(chooseStrategy({ ...transcribe, recoveries: 2, recoveriesWithoutHeadway: 2 }).failedPart).toBe(
      'the first part',
    );
  });

  it('sets the part aside and goes on with the others when the stage can, instead of a dead letter', () => {
    const stuck = {
      ...transcribe,
      setsPartsAside: true,
      checkpoint: { percent: 60, nextPart: 'chunk 4 of 5 (1:30–2:00)' },
    };
    expect(chooseStrategy({ ...stuck, recoveries: 2, recoveriesWithoutHeadway: 2 })).toEqual({
      strategy: 'resume',
      because: 'chunk 4 of 5 (1:30–2:00) stopped the stage 3 times in a row: it is set aside and the other parts go on',
      setAside: 'chunk 4 of 5 (1:30–2:00)',
    });
    // Nothing stored yet (the first part keeps stopping it): a restart, which keeps what validates.
    expect(
      chooseStrategy({ ...transcribe, setsPartsAside: true, recoveries: 2, recoveriesWithoutHeadway: 2 }),
    ).toMatchObject({ strategy: 'restart', setAside: 'the first part' });
    // Two tries are not yet enough.
    expect(chooseStrategy({ ...stuck, recoveries: 1, recoveriesWithoutHeadway: 1 }).setAside).toBeUndefined();
  });

  it('does not count parts for a stage that keeps no checkpoint (its recoveries are bounded by the limit)', () => {
    expect(chooseStrategy({ ...base, recoveries: 3, recoveriesWithoutHeadway: 3 }).strategy).toBe('restart');
  });
});
