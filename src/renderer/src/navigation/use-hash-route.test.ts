import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './use-hash-route';

describe('routes', () => {
  it('reads every screen from the hash and writes it back', () => {
    for (const route of [
      { name: 'overview' },
      { name: 'items' },
      { name: 'item', id: 42 },
      { name: 'dead-letters' },
      { name: 'settings' },
      { name: 'services' },
      { name: 'items', query: 'state=dead' },
      { name: 'memories', query: 'q=dentist' },
      { name: 'dead-letters', query: 'hidden=X' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('falls back to the overview for anything else', () => {
    expect(parseRoute('')).toEqual({ name: 'overview' });
    expect(parseRoute('#/items/abc')).toEqual({ name: 'overview' });
  });
});
