import { describe, expect, it } from 'vitest';
import { chooseStrategy, type StrategyInput } from './recovery-strategy-policy';

const base: StrategyInput = {
  recoveries: 0,
  maxRecoveries: 5,
  progressPercent: null,
  checkpoint: null,
  outputComplete: false,
  previousResumePercent: null,
  resumeMinProgressPercent: 5,
};

describe('chooseStrategy', () => {
  it('validates and keeps finished work even on the last recovery', () => {
    expect(chooseStrategy({ ...base, outputComplete: true, recoveries: 5 }).strategy).toBe('validate');
  });

  it('escalates to dead letters once the recoveries are used up', () => {
    expect(chooseStrategy({ ...base, recoveries: 5 })).toEqual({ strategy: 'escalate', because: 'already recovered 5 times (limit 5)' });
  });

  it('restarts a stage that keeps no checkpoint', () => {
    expect(chooseStrategy({ ...base, progressPercent: 80 }).strategy).toBe('restart');
  });

  it('resumes from a checkpoint with meaningful progress', () => {
    expect(chooseStrategy({ ...base, checkpoint: { percent: 40 }, progressPercent: 45 })).toEqual({
      strategy: 'resume',
      because: 'a checkpoint at 40% exists',
    });
  });

  it('restarts when the progress is too small to be worth resuming', () => {
    expect(chooseStrategy({ ...base, checkpoint: { percent: 2 }, progressPercent: 3 }).strategy).toBe('restart');
  });

  it('restarts when the last resume from the same checkpoint made no headway', () => {
    expect(chooseStrategy({ ...base, recoveries: 1, checkpoint: { percent: 40 }, previousResumePercent: 40 }).strategy).toBe('restart');
    expect(chooseStrategy({ ...base, recoveries: 1, checkpoint: { percent: 60 }, previousResumePercent: 40 }).strategy).toBe('resume');
  });
});
