import { describe, expect, it } from 'vitest';
import { trayColour, trayIconFile, trayTooltip, type TrayStatus } from './tray-status';

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
});
