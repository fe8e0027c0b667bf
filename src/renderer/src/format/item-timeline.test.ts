import { describe, expect, it } from 'vitest';
import type { ItemEvent, RecoveryLogEntryInfo } from '../../../shared/contract';
import { describeRecovery, joinTimeline } from './item-timeline';

const event = (id: number, at: string, type: string, actor: ItemEvent['actor'] = 'engine'): ItemEvent => ({
  id,
  at: `2026-11-23T10:00:${at}.000Z`,
  type,
  stage: 'transcribe',
  actor,
  detail: null,
  error: null,
});

const recovery = (id: number, at: string, outcome = 'requeued'): RecoveryLogEntryInfo => ({
  id,
  itemId: 1,
  stage: 'transcribe',
  rule: 'manual',
  ruleDetail: 'recovery asked by the user (recover now)',
  strategy: 'restart',
  outcome,
  trigger: 'manual',
  detectedAt: `2026-11-23T10:00:${at}.000Z`,
  stalledSince: `2026-11-23T10:00:00.000Z`,
  durationMs: 4,
  detail: null,
});

describe('the item timeline', () => {
  it('tells a recovery once, on the event it wrote', () => {
    const entries = joinTimeline(
      [event(1, '01', 'started'), event(2, '10', 'recovered', 'recovery'), event(3, '11', 'started')],
      [recovery(7, '10')],
    );
    expect(entries.map((e) => e.key)).toEqual(['e1', 'e2', 'e3']);
    expect(entries[1]).toMatchObject({ kind: 'event', recovery: { id: 7 } });
  });

  it('gives a recovery that wrote no event a line of its own, in time order', () => {
    const entries = joinTimeline(
      [event(1, '01', 'started'), event(2, '30', 'succeeded')],
      [recovery(7, '10', 'lost_race')],
    );
    expect(entries.map((e) => e.key)).toEqual(['e1', 'r7', 'e2']);
  });

  it('does not pair a recovery with a recovery event of another moment or stage', () => {
    const other = { ...event(2, '40', 'recovered', 'recovery'), stage: 'extract' as const };
    const entries = joinTimeline([event(1, '50', 'recovered', 'recovery'), other], [recovery(7, '10')]);
    expect(entries.map((e) => e.key)).toEqual(['r7', 'e2', 'e1']);
    expect(entries.every((e) => e.kind === 'recovery' || e.recovery === null)).toBe(true);
  });

  it('says what a recovery did in words', () => {
    expect(describeRecovery(recovery(7, '10'))).toEqual({
      why: 'recovery asked by the user (recover now)',
      what: 'start the stage over → back in the queue (took 4.0 ms)',
      trigger: 'by you (Recover now or Reset stuck)',
    });
  });

  it('says how long a recovery took as the rest of the app does, never "0 ms"', () => {
    const took = (durationMs: number) =>
      /\(took (.*)\)$/.exec(describeRecovery({ ...recovery(7, '10'), durationMs }).what)?.[1];
    expect([0, 0.02, 35, 2_100].map(took)).toEqual(['< 0.1 ms', '< 0.1 ms', '35 ms', '2.1 s']);
  });
});
