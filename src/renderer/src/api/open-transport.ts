import { desktopApi, desktopTransport } from './desktop-transport';
import { createHeadlessClient } from './headless-client';
import { forgetSessionToken, takeSessionToken } from './session-token';
import type { Transport } from './transport';

export type OpenedTransport = { kind: 'ready'; transport: Transport } | { kind: 'no-token' };

/**
 * Picks the transport once, at startup: the preload's IPC API inside the desktop app, otherwise the
 * headless HTTP/WebSocket client authorised by the token `lifeline serve` put in the URL. A token
 * the server refuses is forgotten; the connection status then says `unauthorized`.
 */
export function openTransport(win: Window): OpenedTransport {
  const desktop = desktopApi(win);
  if (desktop) return { kind: 'ready', transport: desktopTransport(desktop) };
  const token = takeSessionToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  if (!token) return { kind: 'no-token' };
  const transport = createHeadlessClient({
    origin: win.location.origin,
    token,
    onUnauthorized: () => forgetSessionToken(win.sessionStorage),
  });
  return { kind: 'ready', transport };
}
