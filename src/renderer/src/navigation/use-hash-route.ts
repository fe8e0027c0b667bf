import { useSyncExternalStore } from 'react';

export const routes = ['overview', 'dead-letters'] as const;
export type Route = (typeof routes)[number];

export function routeHref(route: Route): string {
  return `#/${route}`;
}

function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The view named in the address's hash (`#/dead-letters`): plain links switch views, so they work
 * with the keyboard, the back button and a reload, in the browser and in the desktop window alike.
 */
export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}
