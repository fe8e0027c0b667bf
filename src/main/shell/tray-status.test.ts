import { describe, expect, it } from 'vitest';
import { heldStagesOf, trayColour, trayIconFile, trayStatusOf, trayTooltip, type TrayStatus } from './tray-status';

describe('tray status', () => {
  it('is green when all is well, amber when something needs a look, red when work has stopped', () => {
    const cases: [TrayStatus, string][] = [
      [{ level: 'ok' }, 'green'],
      [{ level: 'degraded', reason: 'ASR breaker open' }, 'amber'],
      [{ level: 'down', reason: 'disk full' }, 'red'],
    ];
    for (const [status, colour] of cases) {
      expect(trayColour(status)).toBe(colour);
      expect(trayIconFile(status)).toBe(`tray-${colour}.png`);
    }
  });

  it('says why in the tooltip', () => {
    expect(trayTooltip({ level: 'degraded', reason: 'ASR breaker open' })).toBe(
      'Lifeline: needs a look (ASR breaker open)',
    );
  });

  it('follows the health monitor: its colour, and its worst reason in the tooltip', () => {
    expect(trayStatusOf({ overall: 'green', reasons: [] })).toEqual({ level: 'ok' });
    expect(trayStatusOf({ overall: 'amber', reasons: ['The ASR breaker is open.', 'Disk is low.'] })).toEqual({
      level: 'degraded',
      reason: 'The ASR breaker is open.',
    });
    expect(trayColour(trayStatusOf({ overall: 'red', reasons: ['The database is not writable.'] }))).toBe('red');
    // Waiting at the startup gate is not a failure: its own grey icon, and what it waits for.
    expect(trayColour(trayStatusOf({ overall: 'starting', reasons: ['starting: waiting for asr'] }))).toBe('starting');
    expect(trayIconFile(trayStatusOf({ overall: 'starting', reasons: ['starting: waiting for asr'] }))).toBe(
      'tray-starting.png',
    );
    expect(trayStatusOf({ overall: 'red', reasons: [] })).toEqual({
      level: 'down',
      reason: 'a required service is down',
    });
  });

  it('shows paused when the user paused a stage and nothing is wrong, with what waits; a problem still wins', () => {
    const held = [{ name: 'Transcribe', paused: true, items: 1 }];
    expect(trayStatusOf({ overall: 'green', reasons: [] }, held)).toEqual({
      level: 'paused',
      reason: 'Paused — 1 item waits (Transcribe is paused by you)',
    });
    expect(trayIconFile({ level: 'paused', reason: 'x' })).toBe('tray-paused.png');
    expect(trayTooltip(trayStatusOf({ overall: 'green', reasons: [] }, held))).toBe(
      'Lifeline: Paused — 1 item waits (Transcribe is paused by you)',
    );
    expect(trayStatusOf({ overall: 'amber', reasons: ['Disk is low.'] }, held)).toEqual({
      level: 'degraded',
      reason: 'Disk is low.',
    });
    expect(trayStatusOf({ overall: 'red', reasons: ['The database is not writable.'] }, held).level).toBe('down');
  });

  it('reads which stages are held from the settings (paused, or stopped by a concurrency of 0) and counts what they hold', () => {
    const run = { paused: false, concurrency: 2 };
    expect(
      heldStagesOf(
        {
          ingest: run,
          transcribe: { paused: true, concurrency: 1 },
          extract: { paused: false, concurrency: 0 },
          index: run,
        },
        { transcribe: { waiting: 2, queued: 1, done: 5 } },
      ),
    ).toEqual([
      { name: 'Transcribe', paused: true, items: 3 },
      { name: 'Extract', paused: false, items: 0 },
    ]);
    const all = { paused: true, concurrency: 1 };
    const every = heldStagesOf({ ingest: all, transcribe: all, extract: all, index: all }, { ingest: { waiting: 1 } });
    expect(trayTooltip(trayStatusOf({ overall: 'green', reasons: [] }, every))).toBe(
      'Lifeline: Paused — 1 item waits (every stage is paused by you)',
    );
  });
});
