import { desktopApi, desktopTransport } from './desktop-transport';
import { createHeadlessClient } from './headless-client';
import { askSignedIn, exchangeToken } from './server-session';
import { chooseAuth, takeUrlToken } from './session-token';
import type { Transport } from './transport';

export type OpenedTransport =
  { kind: 'ready'; transport: Transport } | { kind: 'no-session'; reason: 'missing' | 'refused' };

/**
 * Picks the transport once, at startup: the preload's IPC API inside the desktop app, otherwise the
 * headless HTTP/WebSocket client. A printed `?token=` address is exchanged for the session cookie,
 * which then authorises every call, the event socket and the audio player, across restarts of
 * `serve`; a new tab, a bookmark or an item link uses the cookie the browser already holds.
 */
export async function openTransport(win: Window): Promise<OpenedTransport> {
  const desktop = desktopApi(win);
  if (desktop) return { kind: 'ready', transport: desktopTransport(desktop) };
  const origin = win.location.origin;
  const token = takeUrlToken({ location: win.location, history: win.history });
  const exchanged = token !== null && (await exchangeToken(origin, token));
  const auth = chooseAuth(token, exchanged, await askSignedIn(origin));
  if (auth.kind === 'none') return { kind: 'no-session', reason: auth.reason };
  const transport = createHeadlessClient({
    origin,
    token: auth.kind === 'token' ? auth.token : null,
    // The socket dropped: a server that restarted still knows the cookie; one that says it does not
    // (another data dir on this port) will never take this page back, so say so instead of retrying.
    stillSignedIn: auth.kind === 'cookie' ? () => askSignedIn(origin) : undefined,
  });
  return { kind: 'ready', transport };
}
