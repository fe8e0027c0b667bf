import { describe, expect, it } from 'vitest';
import { trayMenu } from './tray-menu';

const labels = (entries: ReturnType<typeof trayMenu>) => entries.map((e) => (e.kind === 'separator' ? '—' : e.label));

describe('tray menu', () => {
  it('starts with a status line that says the worst reason', () => {
    const menu = trayMenu({ level: 'down', reason: 'the speech server is down' }, false, 0);
    expect(menu[0]).toEqual({ kind: 'status', label: 'Lifeline: stopped working (the speech server is down)' });
  });

  it('offers Pause all while running and Resume all while everything is paused', () => {
    expect(labels(trayMenu({ level: 'ok' }, false, 0))).toContain('Pause all');
    expect(labels(trayMenu({ level: 'ok' }, false, 0))).not.toContain('Resume all');
    expect(labels(trayMenu({ level: 'ok' }, true, 0))).toContain('Resume all');
    expect(labels(trayMenu({ level: 'ok' }, true, 0))).not.toContain('Pause all');
  });

  it('counts the dead letters on its Open dead letters entry, and ends with Open and Quit', () => {
    expect(labels(trayMenu({ level: 'ok' }, false, 1234))).toEqual([
      'Lifeline: all good',
      '—',
      'Pause all',
      'Open dead letters (1,234)',
      'Open Lifeline',
      '—',
      'Quit Lifeline',
    ]);
  });
});
