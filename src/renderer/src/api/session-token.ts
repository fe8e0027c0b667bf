export interface TokenSources {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * The per-launch token of `lifeline serve`. It arrives once as `?token=` in the URL the server
 * printed and is removed from the address bar at once, so it does not end up in bookmarks, history
 * or screenshots; the page exchanges it for the session cookie (see `chooseAuth`).
 */
export function takeUrlToken({ location, history }: TokenSources): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (!fromUrl) return null;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return fromUrl;
}

/**
 * How the page talks to the server: `cookie` once the browser holds the data dir's session (it
 * survives restarts of `serve`), `token` when the printed token was taken but the browser keeps no
 * cookie (cookies blocked: this page works until the server restarts), or not at all.
 */
export type PageAuth =
  { kind: 'cookie' } | { kind: 'token'; token: string } | { kind: 'none'; reason: 'missing' | 'refused' };

/**
 * The decision after the page exchanged its URL token (if it had one) and asked the server whether
 * it holds the session. `signedIn` is null when the server could not be asked.
 */
export function chooseAuth(token: string | null, exchanged: boolean, signedIn: boolean | null): PageAuth {
  if (signedIn === true) return { kind: 'cookie' };
  if (token !== null && (exchanged || signedIn === null)) return { kind: 'token', token };
  return { kind: 'none', reason: token === null ? 'missing' : 'refused' };
}
