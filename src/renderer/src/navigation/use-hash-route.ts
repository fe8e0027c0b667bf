import { useSyncExternalStore } from 'react';
import { parseSeekTime, seekQuery } from './seek-time';

/**
 * The screens, by the address's hash: `#/items`, `#/items/12`, `#/dead-letters`, `#/memories`, `#/upcoming`, `#/services`, `#/settings`. An
 * item link may name a moment in its audio (`#/items/12?t=4.5`, seconds): its player starts there.
 * The list screens keep their filter and sort after a `?` (`#/items?state=dead`, see view-queries.ts).
 */
export type Route =
  | { name: 'overview' }
  | { name: 'items'; query?: string }
  | { name: 'item'; id: number; t?: number }
  | { name: 'dead-letters'; query?: string }
  | { name: 'memories'; query?: string }
  | { name: 'upcoming' }
  | { name: 'services' }
  | { name: 'settings' };
export type RouteName = Route['name'];

export function routeHref(route: Route): string {
  if (route.name === 'item') return `#/items/${route.id}${route.t === undefined ? '' : seekQuery(route.t)}`;
  return `#/${route.name}${'query' in route && route.query ? `?${route.query}` : ''}`;
}

export function parseRoute(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const path = rawPath.replace(/\/$/, '');
  if (path === 'items' || path === 'dead-letters' || path === 'memories')
    return query === '' ? { name: path } : { name: path, query };
  if (path === 'settings') return { name: 'settings' };
  if (path === 'upcoming') return { name: 'upcoming' };
  if (path === 'services') return { name: 'services' };
  const item = /^items\/(\d{1,15})$/.exec(path);
  if (item) {
    const t = parseSeekTime(query);
    return t === null ? { name: 'item', id: Number(item[1]) } : { name: 'item', id: Number(item[1]), t };
  }
  return { name: 'overview' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/**
 * The view named in the address's hash: plain links switch views, so they work with the keyboard,
 * the back button and a reload, in the browser and in the desktop window alike.
 */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
