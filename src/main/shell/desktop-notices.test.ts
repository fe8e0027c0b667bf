import { describe, expect, it } from 'vitest';
import type { HealthSnapshot } from '../../shared/contract';
import { deadLetterQuietMs, DesktopNotices, healthQuietMs, type NoticeSettings } from './desktop-notices';

const on: NoticeSettings = { deadLetters: true, serviceRed: true };

function health(overall: HealthSnapshot['overall'], reasons: string[] = []): HealthSnapshot {
  return {
    overall,
    reasons,
    notes: [],
    checkedAt: null,
    source: 'engine',
    services: [],
    attention: { deadLetters: 0, newDeadLetters: 0, seenAt: null },
  };
}

const attention = (newDeadLetters: number) => ({
  attention: { deadLetters: newDeadLetters + 5, newDeadLetters, seenAt: null },
});

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
    expect(n.health(health('red', ['The speech server is down.']), 1_000)).toMatchObject({
      title: 'Lifeline has stopped working',
    });
    // Back and down again within the minute: no notice at all, since it ended where it was told.
    expect(n.health(health('green'), 5_000)).toBeNull();
    expect(n.health(health('red', ['The speech server is down.']), 9_000)).toBeNull();
    expect(n.flush(1_000 + healthQuietMs)).toBeNull();
    // Back for good within the minute: told once the minute is up.
    expect(n.health(health('green'), 1_000 + healthQuietMs + 1_000)).toMatchObject({
      title: 'Lifeline is working again',
    });
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

  it('tells new dead letters in one notice, and nothing more until they have been seen', () => {
    const n = new DesktopNotices(() => on);
    expect(n.attention(attention(1), 0)).toEqual({
      title: 'A recording could not be processed',
      body: 'Open Dead letters to see why and what to do; Lifeline shows amber until you have looked.',
      route: '#/dead-letters',
    });
    // More arrive before the person looked: still the one notice.
    expect(n.attention(attention(2), 1_000)).toBeNull();
    expect(n.attention(attention(3_915), deadLetterQuietMs * 10)).toBeNull();
    expect(n.flush(deadLetterQuietMs * 20)).toBeNull();
  });

  it('tells again after the person has seen them and new ones arrive, at most once a minute', () => {
    const n = new DesktopNotices(() => on);
    expect(n.attention(attention(1), 0)).not.toBeNull();
    expect(n.attention(attention(0), 10_000)).toBeNull(); // seen
    expect(n.attention(attention(2), 20_000)).toBeNull(); // too soon after the last notice
    expect(n.flush(deadLetterQuietMs - 1)).toBeNull();
    expect(n.flush(deadLetterQuietMs)).toMatchObject({
      title: '2 recordings could not be processed',
      route: '#/dead-letters',
    });
  });

  it('says nothing about dead letters when switched off, and does not save them for later', () => {
    let settings = { ...on, deadLetters: false };
    const n = new DesktopNotices(() => settings);
    expect(n.attention(attention(1), 0)).toBeNull();
    settings = on;
    expect(n.flush(deadLetterQuietMs * 2)).toBeNull();
  });
});
