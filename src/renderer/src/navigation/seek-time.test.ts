import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './use-hash-route';
import { parseSeekTime, seekQuery } from './seek-time';

describe('links to a moment in an item’s audio', () => {
  it('round-trip through the address', () => {
    expect(routeHref({ name: 'item', id: 7, t: 4.5 })).toBe('#/items/7?t=4.5');
    expect(parseRoute('#/items/7?t=4.5')).toEqual({ name: 'item', id: 7, t: 4.5 });
    expect(parseRoute(routeHref({ name: 'item', id: 7, t: 1 / 3 }))).toEqual({ name: 'item', id: 7, t: 0.333 });
    expect(parseRoute('#/items/7')).toEqual({ name: 'item', id: 7 });
    expect(parseRoute('#/memories')).toEqual({ name: 'memories' });
  });

  it('ignore a time that is not a plain number of seconds', () => {
    for (const bad of ['t=', 't=-1', 't=abc', 't=1e3', 't=Infinity', 't=999999']) expect(parseSeekTime(bad)).toBeNull();
    expect(parseRoute('#/items/7?t=oops')).toEqual({ name: 'item', id: 7 });
    expect(parseSeekTime('t=0')).toBe(0);
    expect(seekQuery(-2)).toBe('?t=0');
  });
});
