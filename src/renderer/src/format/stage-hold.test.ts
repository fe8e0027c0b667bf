import { describe, expect, it } from 'vitest';
import type { StageInfo } from '../../../shared/contract';
import { idleReasons, stageHoldText } from './stage-hold';

const stage = (over: Partial<StageInfo>): StageInfo => ({
  stage: 'transcribe',
  concurrency: 1,
  running: 0,
  paused: false,
  heldBy: null,
  blockedBy: null,
  service: null,
  counts: {
    queued: 0,
    scheduled: 0,
    running: 0,
    retry_scheduled: 0,
    waiting: 0,
    done: 0,
    dead: 0,
    cancelled: 0,
    discarded: 0,
  },
  oldestQueuedMs: null,
  ...over,
});

describe('a held stage, in words', () => {
  it('says a paused stage is paused by you and how many items wait for it', () => {
    const s = stage({
      paused: true,
      heldBy: 'Transcribe is paused by you',
      counts: { ...stage({}).counts, waiting: 1_800, queued: 64 },
    });
    expect(stageHoldText(s)).toBe('Transcribe is paused by you, 1,864 waiting');
  });

  it('says nothing for a stage that runs', () => {
    expect(stageHoldText(stage({}))).toBeNull();
    expect(idleReasons([stage({})])).toEqual([]);
  });

  it('explains why nothing runs: held stages, and other blocks with items behind them', () => {
    const held = stage({
      stage: 'ingest',
      heldBy: 'Ingest is stopped: it may run 0 jobs at once; raise its concurrency in Settings to start it',
    });
    const breaker = stage({ blockedBy: 'Speech server is failing', counts: { ...stage({}).counts, waiting: 3 } });
    const paused = stage({
      stage: 'extract',
      paused: true,
      heldBy: 'Extract is paused by you',
      counts: { ...stage({}).counts, waiting: 1_864 },
    });
    expect(idleReasons([held, breaker, paused])).toEqual([
      '3 waiting at transcribe: Speech server is failing',
      'Extract is paused by you, 1,864 waiting',
    ]);
  });

  it('still says a stage is held when nothing waits yet', () => {
    const held = stage({ stage: 'ingest', paused: true, heldBy: 'Ingest is paused by you' });
    expect(idleReasons([held, stage({})])).toEqual(['Ingest is paused by you']);
  });
});
