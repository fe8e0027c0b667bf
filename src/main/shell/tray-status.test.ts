import { describe, expect, it } from 'vitest';
import { trayColour, trayIconFile, trayStatusOf, trayTooltip, type TrayStatus } from './tray-status';

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
    expect(trayTooltip({ level: 'degraded', reason: 'ASR breaker open' })).toBe('Lifeline: needs a look (ASR breaker open)');
  });

  it('follows the health monitor: its colour, and its worst reason in the tooltip', () => {
    expect(trayStatusOf({ overall: 'green', reasons: [] })).toEqual({ level: 'ok' });
    expect(trayStatusOf({ overall: 'amber', reasons: ['The ASR breaker is open.', 'Disk is low.'] })).toEqual({
      level: 'degraded',
      reason: 'The ASR breaker is open.',
    });
    expect(trayColour(trayStatusOf({ overall: 'red', reasons: ['The database is not writable.'] }))).toBe('red');
    // Waiting at the startup gate is not a failure.
    expect(trayColour(trayStatusOf({ overall: 'starting', reasons: ['starting: waiting for asr'] }))).toBe('amber');
    expect(trayStatusOf({ overall: 'red', reasons: [] })).toEqual({ level: 'down', reason: 'a required service is down' });
  });
});
