import { useSyncExternalStore } from 'react';

/** The screens, by the address's hash: `#/items`, `#/items/12`, `#/dead-letters`, `#/services`. */
export type Route = { name: 'overview' } | { name: 'items' } | { name: 'item'; id: number } | { name: 'dead-letters' } | { name: 'services' };
export type RouteName = Route['name'];

export function routeHref(route: Route): string {
  return route.name === 'item' ? `#/items/${route.id}` : `#/${route.name}`;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  if (path === 'items') return { name: 'items' };
  if (path === 'dead-letters') return { name: 'dead-letters' };
  if (path === 'services') return { name: 'services' };
  const item = /^items\/(\d{1,15})$/.exec(path);
  if (item) return { name: 'item', id: Number(item[1]) };
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
