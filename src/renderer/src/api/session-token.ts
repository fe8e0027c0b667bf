const storageKey = 'lifeline.token';

export interface TokenSources {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The per-launch token of `lifeline serve`. It arrives once as `?token=` in the URL the server
 * printed; it is then kept in sessionStorage (this tab only, gone when it closes) and removed from
 * the address bar, so it does not end up in bookmarks, history or screenshots.
 */
export function takeSessionToken({ location, history, storage }: TokenSources): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}

/** Forgets a token the server refused, so a reload does not keep sending it. */
export function forgetSessionToken(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(storageKey);
}
