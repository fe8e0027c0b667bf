import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../shared/contract';
import { decodeCursor, encodeCursor } from './list-cursor';

const row = { id: 42, priority: -5 } as ItemSummary;

describe('list cursors', () => {
  it('round-trip for both sorts', () => {
    expect(decodeCursor('age', encodeCursor('age', row))).toEqual({ id: 42 });
    expect(decodeCursor('priority', encodeCursor('priority', row))).toEqual({ id: 42, priority: -5 });
  });

  it('keep the plain id format for age, which the CLI already pages with', () => {
    expect(encodeCursor('age', row)).toBe('42');
  });

  it('refuse a cursor from the other sort, or anything made up', () => {
    expect(() => decodeCursor('priority', '42')).toThrow(/sorted by priority/);
    expect(() => decodeCursor('age', '-5:42')).toThrow(/sorted by age/);
    for (const bad of ['', '0', 'abc', '1e3', '99999999999999999']) expect(() => decodeCursor('age', bad)).toThrow();
  });
});
