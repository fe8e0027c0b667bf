import { describe, expect, it } from 'vitest';
import type { HealthSnapshot, ItemSummary } from '../../shared/contract';
import { deadLetterQuietMs, DesktopNotices, healthQuietMs, type NoticeSettings } from './desktop-notices';
import { itemSummary } from '../../shared/contract/item-summary-fixture';

const on: NoticeSettings = { deadLetters: true, serviceRed: true };

function health(overall: HealthSnapshot['overall'], reasons: string[] = []): HealthSnapshot {
  return { overall, reasons, notes: [], checkedAt: null, source: 'engine', services: [] };
}

function item(id: number, state: ItemSummary['state'], code = 'AUDIO_UNDECODABLE'): ItemSummary {
  return itemSummary(id, state, { fileName: `memo-${id}.wav`, error: state === 'dead' ? { code, message: `memo-${id}.wav is not audio` } : null });
}

describe('desktop notices', () => {
  it('tells when the status turns red and when it recovers, not every change', () => {
    const n = new DesktopNotices(() => on);
    expect(n.health(health('green'), 0)).toBeNull(); // the first snapshot is the baseline
    expect(n.health(health('amber', ['Disk is low.']), 1_000)).toBeNull();
    expect(n.health(health('red', ['The database is not writable.']), 2_000)).toEqual({
      title: 'Lifeline has stopped working',
      body: 'The database is not writable.',
      route: '#/services',
    });
    expect(n.health(health('red', ['The database is not writable.']), 3_000)).toBeNull();
    expect(n.health(health('green'), 2_000 + healthQuietMs)).toMatchObject({ title: 'Lifeline is working again' });
  });

  it('tells a status that flaps within a minute once, as it stands when the minute is up', () => {
    const n = new DesktopNotices(() => on);
    n.health(health('green'), 0);
    expect(n.health(health('red', ['The speech server is down.']), 1_000)).toMatchObject({ title: 'Lifeline has stopped working' });
    // Back and down again within the minute: no notice at all, since it ended where it was told.
    expect(n.health(health('green'), 5_000)).toBeNull();
    expect(n.health(health('red', ['The speech server is down.']), 9_000)).toBeNull();
    expect(n.flush(1_000 + healthQuietMs)).toBeNull();
    // Back for good within the minute: told once the minute is up.
    expect(n.health(health('green'), 1_000 + healthQuietMs + 1_000)).toMatchObject({ title: 'Lifeline is working again' });
    expect(n.health(health('red', ['x']), 1_000 + healthQuietMs + 2_000)).toBeNull();
    expect(n.health(health('green'), 1_000 + healthQuietMs + 3_000)).toBeNull();
    expect(n.flush(1_000 + 3 * healthQuietMs)).toBeNull();
  });

  it('says nothing about health when the user switched it off', () => {
    const n = new DesktopNotices(() => ({ ...on, serviceRed: false }));
    n.health(health('green'), 0);
    expect(n.health(health('red', ['x']), 1_000)).toBeNull();
    expect(n.flush(1_000 + healthQuietMs)).toBeNull();
  });

  it('shows a dead letter whose name hides a right-to-left override or control characters neutralised', () => {
    const n = new DesktopNotices(() => on);
    const hostile = itemSummary(1, 'dead', { fileName: 'invoice\u202efdp.exe', error: { code: 'AUDIO_UNDECODABLE', message: 'invoice\u202efdp.exe\u0085 is not audio' } });
    expect(n.items([hostile], 0)).toMatchObject({
      title: 'invoice\ufffdfdp.exe could not be processed',
      body: 'AUDIO_UNDECODABLE: invoice\ufffdfdp.exe\ufffd is not audio',
    });
  });

  it('tells a new dead letter once, with its error, and opens its item', () => {
    const n = new DesktopNotices(() => on);
    expect(n.items([item(1, 'dead')], 0)).toEqual({
      title: 'memo-1.wav could not be processed',
      body: 'AUDIO_UNDECODABLE: memo-1.wav is not audio',
      route: '#/items/1',
    });
    // The same dead item pushed again (another change elsewhere) is not news.
    expect(n.items([item(1, 'dead')], deadLetterQuietMs * 2)).toBeNull();
  });

  it('gathers dead letters within a minute into one notice', () => {
    const n = new DesktopNotices(() => on);
    expect(n.items([item(1, 'dead')], 0)).not.toBeNull();
    expect(n.items([item(2, 'dead')], 1_000)).toBeNull();
    expect(n.items([item(3, 'dead', 'LLM_BAD_OUTPUT')], 2_000)).toBeNull();
    expect(n.flush(deadLetterQuietMs - 1)).toBeNull();
    expect(n.flush(deadLetterQuietMs)).toEqual({
      title: '2 recordings could not be processed',
      body: 'Errors: AUDIO_UNDECODABLE, LLM_BAD_OUTPUT. Open Dead letters to retry them.',
      route: '#/dead-letters',
    });
    expect(n.flush(deadLetterQuietMs * 5)).toBeNull();
  });

  it('a retried item that fails again is news again', () => {
    const n = new DesktopNotices(() => on);
    n.items([item(1, 'dead')], 0);
    n.items([item(1, 'queued')], 10);
    expect(n.items([item(1, 'dead')], deadLetterQuietMs + 10)).toMatchObject({ route: '#/items/1' });
  });

  it('says nothing about dead letters when switched off, and does not save them for later', () => {
    let settings = { ...on, deadLetters: false };
    const n = new DesktopNotices(() => settings);
    expect(n.items([item(1, 'dead')], 0)).toBeNull();
    settings = on;
    expect(n.flush(deadLetterQuietMs * 2)).toBeNull();
  });
});
