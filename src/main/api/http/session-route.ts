import type http from 'node:http';
import type { BrowserSession } from './browser-session';

/**
 * `POST /api/session`, behind the token check like every /api/ route: exchanges the token the page
 * was opened with for the session cookie, so the page keeps working after `serve` restarts with a
 * new token. Its own route so that where the token itself may travel can change without touching it.
 */
export function exchangeSession(session: BrowserSession, res: http.ServerResponse): void {
  res.writeHead(204, { 'set-cookie': session.setCookie(), 'cache-control': 'no-store' });
  res.end();
}

/**
 * `GET /session`, outside /api/ and so without the token: whether this browser holds the session
 * cookie. A page opened without a token (a new tab, a bookmark) asks it before calling anything, and
 * a page whose event socket dropped asks it to tell a server that restarted from one that no longer
 * knows it. It says yes or no and nothing else; a page on another origin cannot read the answer.
 */
export function reportSession(session: BrowserSession, req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = JSON.stringify({ ok: true, value: { signedIn: session.matches(req) } });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}
