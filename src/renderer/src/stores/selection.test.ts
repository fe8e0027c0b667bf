import { describe, expect, it } from 'vitest';
import { bulkTarget, isSelected, noSelection, selectedCount, toggle, toggleMany, type Selection } from './selection';

describe('selection', () => {
  it('ticks and unticks single items and turns them into an id target', () => {
    let s = toggle(toggle(noSelection, 3), 7);
    expect(isSelected(s, 3)).toBe(true);
    expect(selectedCount(s, 100)).toBe(2);
    s = toggle(s, 3);
    expect(bulkTarget(s)).toEqual({ kind: 'ids', ids: [7] });
    expect(bulkTarget(noSelection)).toBeNull();
  });

  it('"all matching" counts from the total and sends the filter, minus what was unticked', () => {
    let s: Selection = { mode: 'all', filter: { state: 'dead' }, except: new Set() };
    expect(isSelected(s, 12_345)).toBe(true);
    expect(selectedCount(s, 100_000)).toBe(100_000);
    expect(bulkTarget(s)).toEqual({ kind: 'filter', filter: { state: 'dead' }, except: undefined });
    s = toggle(s, 5);
    expect(selectedCount(s, 100_000)).toBe(99_999);
    expect(bulkTarget(s)).toEqual({ kind: 'filter', filter: { state: 'dead' }, except: [5] });
  });

  it('ticks every shown row, or unticks them when all were ticked', () => {
    const s = toggleMany(toggle(noSelection, 1), [1, 2, 3]);
    expect([1, 2, 3].every((id) => isSelected(s, id))).toBe(true);
    expect(selectedCount(toggleMany(s, [1, 2, 3]), 10)).toBe(0);
  });
});
