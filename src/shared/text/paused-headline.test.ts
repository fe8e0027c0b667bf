import { describe, expect, it } from 'vitest';
import { pausedHeadline } from './paused-headline';
import { plural } from './plural';

describe('the paused headline', () => {
  it('says every stage is paused and how many items wait, in the singular for one', () => {
    const all = ['Ingest', 'Transcribe', 'Extract', 'Index'].map((name, i) => ({
      name,
      paused: true,
      items: i === 0 ? 1 : 0,
    }));
    expect(pausedHeadline(all, 4)).toBe('Paused — 1 item waits (every stage is paused by you)');
  });

  it('names the paused stages and counts what waits behind them', () => {
    expect(
      pausedHeadline(
        [
          { name: 'Transcribe', paused: true, items: 2 },
          { name: 'Extract', paused: true, items: 1 },
        ],
        4,
      ),
    ).toBe('Paused — 3 items wait (Transcribe and Extract are paused by you)');
  });

  it('says a stopped stage is stopped, and that nothing waits yet', () => {
    expect(pausedHeadline([{ name: 'Index', paused: false, items: 0 }], 4)).toBe(
      'Stopped — nothing waits yet (Index is stopped by a concurrency of 0)',
    );
  });

  it('is null when no stage is held', () => {
    expect(pausedHeadline([], 4)).toBeNull();
  });
});

describe('plural', () => {
  it('uses the singular for one and the plural otherwise, never "(s)"', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2, 'lease')).toBe('2 leases');
    expect(plural(1200, 'item', 'items', (n) => n.toLocaleString('en'))).toBe('1,200 items');
  });
});
